package io.cirstream.eval.live;

import io.cirstream.eval.metric.AnnRecall;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.MethodRunRecorder;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.eval.metric.QueryOutcome;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.model.composition.Method;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Runs every query of a benchmark through the live query API for one method, then measures the answers:
 * the benchmark's metrics on the returned rankings, and ANN recall against exact search with the same
 * composed query vector.
 */
final class MethodEvaluation {
    /** API scores are similarities rounded through JSON and float; more than this means another composition. */
    private static final double SCORE_TOLERANCE = 1e-3;
    private static final int TIE_SLACK = 10;
    private static final int EXACT_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** What a query that could not be asked returned: nothing, which scores as a miss. */
    private static final SearchApiClient.Answer UNASKED =
            SearchApiClient.Answer.failed(QueryFailure.EMPTY_TEXT, Duration.ZERO);

    private final EvalContext context;
    private final Method method;

    MethodEvaluation(EvalContext context, Method method) {
        this.context = context;
        this.method = method;
    }

    /** What one method's run produced: its scored run and each query's answer, in query order. */
    record Result(MethodRun run, List<SearchApiClient.Answer> answers, List<Ranking> subsetRankings) {
    }

    Result run(List<BenchmarkQuery> queries, PrintStream err) {
        MethodRunRecorder recorder = MethodRunRecorder.start(method.wireName(), context.deepestAnnCutoff());
        List<SearchApiClient.Answer> answers = searchAll(queries, err);
        List<Optional<float[]>> vectors = queries.stream().map(q -> context.vectors().compose(method, q)).toList();
        List<Ranking> subsets = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            QueryOutcome outcome = outcome(queries.get(i), answers.get(i), vectors.get(i));
            subsets.add(outcome.subsetRanking());
            if (answers.get(i).failed()) {
                recorder.recordUnanswered(outcome);
            } else {
                recorder.record(outcome, answers.get(i).latency());
            }
        }
        MethodRun run = recorder.finish().withFailures(failures(answers, err));
        if (method.fusesLate()) {
            return new Result(withLateFusionRecall(run, queries, answers), answers, subsets);
        }
        List<Integer> searched = IntStream.range(0, queries.size())
                .filter(i -> vectors.get(i).isPresent() && !answers.get(i).failed()).boxed().toList();
        if (searched.isEmpty()) {
            return new Result(run, answers, subsets);
        }
        List<BenchmarkQuery> searchedQueries = searched.stream().map(queries::get).toList();
        List<SearchApiClient.Answer> searchedAnswers = searched.stream().map(answers::get).toList();
        List<float[]> composed = searched.stream().map(i -> vectors.get(i).orElseThrow()).toList();
        checkScores(searchedQueries, searchedAnswers, composed, err);
        return new Result(withAnnRecall(run, searchedQueries, searchedAnswers, composed), answers, subsets);
    }

    /** Counts failed queries per reason and says so, with the first message of each reason as an example. */
    private Map<String, Integer> failures(List<SearchApiClient.Answer> answers, PrintStream err) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        for (SearchApiClient.Answer answer : answers) {
            if (answer.failed()) {
                counts.merge(answer.failure().reason(), 1, Integer::sum);
                examples.putIfAbsent(answer.failure().reason(), answer.failure().message());
            }
        }
        counts.forEach((reason, count) -> err.printf("eval: %s: %d of %d queries failed (%s), counted as misses; "
                + "first: %s%n", method.wireName(), count, answers.size(), reason, examples.get(reason)));
        return counts;
    }

    /** A method that needs text cannot be asked about a query whose caption is empty. */
    private boolean askable(BenchmarkQuery query) {
        return !method.needsText() || !QueryVectors.text(query).isEmpty();
    }

    /**
     * Every query once, a few at a time. A query the API refuses or cannot answer is recorded as failed with its
     * reason and the others go on: one bad caption must not cost the whole evaluation.
     */
    private List<SearchApiClient.Answer> searchAll(List<BenchmarkQuery> queries, PrintStream err) {
        try (ExecutorService pool = Executors.newFixedThreadPool(context.concurrency())) {
            List<Future<SearchApiClient.Answer>> pending = new ArrayList<>(queries.size());
            for (BenchmarkQuery query : queries) {
                pending.add(askable(query) ? pool.submit(() -> ask(query))
                        : CompletableFuture.completedFuture(UNASKED));
            }
            List<SearchApiClient.Answer> answers = new ArrayList<>(queries.size());
            for (Future<SearchApiClient.Answer> answer : pending) {
                answers.add(answer.get());
                if (answers.size() % 500 == 0) {
                    err.printf("eval: %s %d/%d queries%n", method.wireName(), answers.size(), queries.size());
                }
            }
            return answers;
        } catch (ExecutionException e) {
            throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating " + method.wireName(), e);
        }
    }

    private SearchApiClient.Answer ask(BenchmarkQuery query) {
        long start = System.nanoTime();
        try {
            return context.api().search(request(query));
        } catch (SearchApiClient.SearchFailedException e) {
            return SearchApiClient.Answer.failed(e.failure(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private SearchApiClient.Request request(BenchmarkQuery query) {
        SearchApiClient.Request request = new SearchApiClient.Request(method.wireName(),
                method.needsReference() ? query.referenceId() : null,
                method.needsText() ? QueryVectors.text(query) : null, context.vectors().params(), context.depth(),
                context.collection(), context.scopeOf(query));
        // a reference by id has only its stored vector: a method that reads pixels gets the replayed file
        return context.vectors().needsPixels(method)
                ? request.withReferenceImage(context.vectors().referenceFile(query)) : request;
    }

    private QueryOutcome outcome(BenchmarkQuery query, SearchApiClient.Answer answer, Optional<float[]> vector) {
        QueryOutcome outcome = new QueryOutcome(query.queryId(), query.category(), query.referenceId(),
                new HashSet<>(query.targetIds()), Set.of(), ScoreGrain.rank(answer.results()), Ranking.empty());
        if (query.subsetMembers().isEmpty()) {
            return outcome;
        }
        Ranking overMembers = vector.map(v -> rankMembers(query.subsetMembers(), v)).orElse(Ranking.empty());
        return outcome.withSubset(query.subsetMembers(), overMembers);
    }

    /**
     * The subset protocol ranks five or six named images; a k-NN query filtered to them would be answered
     * by exact search anyway, so it is computed here from the same stored vectors.
     */
    private Ranking rankMembers(List<String> members, float[] vector) {
        List<String> ids = members.stream().filter(id -> context.vectors().stored(id) != null).distinct().toList();
        if (ids.isEmpty()) {
            return Ranking.empty();
        }
        ExactSearch search = ExactSearch.of(ids, ids.stream().map(context.vectors()::stored).toList(),
                context.similarity());
        return ScoreGrain.rank(search.topK(vector, ids.size()));
    }

    private MethodRun withAnnRecall(MethodRun run, List<BenchmarkQuery> queries, List<SearchApiClient.Answer> answers,
                                    List<float[]> composed) {
        int deepest = context.deepestAnnCutoff();
        // a few more than K, so that rounding decides a near-tie at the cut-off the same way on both sides
        List<Ranking> exact = exactRankings(queries, composed, deepest + TIE_SLACK);
        List<Ranking> approximate = answers.stream().map(a -> ScoreGrain.rank(a.results())).toList();
        return withAnnRecall(run, approximate, exact);
    }

    private MethodRun withAnnRecall(MethodRun run, List<Ranking> approximate, List<Ranking> exact) {
        Map<String, Double> system = new LinkedHashMap<>();
        for (int k : context.annCutoffs()) {
            system.put(MetricNames.annRecall(k), 100.0 * AnnRecall.meanOverlapAt(approximate, exact, k));
        }
        system.putAll(run.systemMetrics());
        return run.withSystemMetrics(system);
    }

    /**
     * ANN recall of a late-fusion method (weicom) against {@link ExactWeiCom}: the same fusion computed here over
     * exact k-NN candidate lists, with its own arithmetic.
     */
    private MethodRun withLateFusionRecall(MethodRun run, List<BenchmarkQuery> queries,
                                           List<SearchApiClient.Answer> answers) {
        int perList = Math.max(context.depth(), ExactWeiCom.API_CANDIDATES);
        double lambda = context.vectors().params().lambda();
        List<Ranking> approximate = new ArrayList<>();
        List<Ranking> exact = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            BenchmarkQuery query = queries.get(i);
            Optional<QueryVectors.LateInputs> inputs = context.vectors().lateInputs(query);
            if (inputs.isEmpty() || answers.get(i).failed()) {
                continue;
            }
            approximate.add(ScoreGrain.rank(answers.get(i).results()));
            exact.add(ScoreGrain.rank(ExactWeiCom.rank(context.exactFor(query), context.vectors()::stored,
                    inputs.get().image(), inputs.get().text(), perList, lambda)));
        }
        return exact.isEmpty() ? run : withAnnRecall(run, approximate, exact);
    }

    /** Exact top-k of each query over the gallery it is ranked in (its category's, under FashionIQ). */
    private List<Ranking> exactRankings(List<BenchmarkQuery> queries, List<float[]> composed, int k) {
        Ranking[] rankings = new Ranking[queries.size()];
        Map<ExactSearch, List<Integer>> byGallery = new IdentityHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            byGallery.computeIfAbsent(context.exactFor(queries.get(i)), g -> new ArrayList<>()).add(i);
        }
        byGallery.forEach((gallery, indices) -> {
            List<List<ScoredId>> found = gallery.topKAll(indices.stream().map(composed::get).toList(), k,
                    EXACT_THREADS);
            for (int j = 0; j < indices.size(); j++) {
                rankings[indices.get(j)] = ScoreGrain.rank(found.get(j));
            }
        });
        return List.of(rankings);
    }

    /**
     * ANN recall only means something if the API searched with the vector composed here; a score that
     * disagrees with the exact similarity of the same image says it did not, and the user must know.
     */
    private void checkScores(List<BenchmarkQuery> queries, List<SearchApiClient.Answer> answers,
                             List<float[]> composed, PrintStream err) {
        int disagreeing = 0;
        String example = "";
        for (int i = 0; i < answers.size(); i++) {
            List<ScoredId> results = answers.get(i).results();
            if (results.isEmpty()) {
                continue;
            }
            ScoredId top = results.getFirst();
            float[] stored = context.vectors().stored(top.id());
            double local = stored == null ? Double.NaN : context.similarity(composed.get(i), stored);
            if (!(Math.abs(local - top.score()) <= SCORE_TOLERANCE)) {
                if (disagreeing++ == 0) {
                    example = "query " + queries.get(i).queryId() + ", " + top.id() + ": API " + top.score()
                            + ", exact " + local;
                }
            }
        }
        if (disagreeing > 0) {
            err.printf("eval: WARNING %s: %d of %d top scores differ from the exact similarity of the vector "
                    + "composed here (first: %s); the API composes differently, so its ANN recall is not "
                    + "comparable%n", method.wireName(), disagreeing, answers.size(), example);
        }
    }
}
