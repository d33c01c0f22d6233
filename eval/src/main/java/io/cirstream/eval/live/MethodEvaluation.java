package io.cirstream.eval.live;

import io.cirstream.eval.metric.AnnRecall;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.MethodRunRecorder;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.eval.metric.QueryOutcome;
import io.cirstream.eval.metric.Ranking;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.ingest.event.BenchmarkQuery;
import io.cirstream.query.compose.Method;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final SearchApiClient.Answer UNASKED = new SearchApiClient.Answer(List.of(), Duration.ZERO);

    private final EvalContext context;
    private final Method method;

    MethodEvaluation(EvalContext context, Method method) {
        this.context = context;
        this.method = method;
    }

    MethodRun run(List<BenchmarkQuery> queries, PrintStream err) {
        MethodRunRecorder recorder = MethodRunRecorder.start(method.wireName(), context.deepestAnnCutoff());
        List<SearchApiClient.Answer> answers = searchAll(queries, err);
        List<Optional<float[]>> vectors = queries.stream().map(q -> context.vectors().compose(method, q)).toList();
        for (int i = 0; i < queries.size(); i++) {
            recorder.record(outcome(queries.get(i), answers.get(i), vectors.get(i)), answers.get(i).latency());
        }
        MethodRun run = recorder.finish();
        if (method.fusesLate()) {
            err.printf("eval: %s fuses two rankings, so it has no single query vector to search exactly: "
                    + "no ANN recall%n", method.wireName());
            return run;
        }
        List<Integer> searched = IntStream.range(0, queries.size()).filter(i -> vectors.get(i).isPresent()).boxed()
                .toList();
        List<BenchmarkQuery> searchedQueries = searched.stream().map(queries::get).toList();
        List<SearchApiClient.Answer> searchedAnswers = searched.stream().map(answers::get).toList();
        List<float[]> composed = searched.stream().map(i -> vectors.get(i).orElseThrow()).toList();
        checkScores(searchedQueries, searchedAnswers, composed, err);
        return withAnnRecall(run, searchedAnswers, composed);
    }

    /** A method that needs text cannot be asked about a query whose caption is empty. */
    private boolean askable(BenchmarkQuery query) {
        return !method.needsText() || !QueryVectors.text(query).isEmpty();
    }

    private List<SearchApiClient.Answer> searchAll(List<BenchmarkQuery> queries, PrintStream err) {
        try (ExecutorService pool = Executors.newFixedThreadPool(context.concurrency())) {
            List<Future<SearchApiClient.Answer>> pending = new ArrayList<>(queries.size());
            for (BenchmarkQuery query : queries) {
                pending.add(askable(query) ? pool.submit(() -> context.api().search(request(query)))
                        : CompletableFuture.completedFuture(UNASKED));
            }
            long unasked = queries.stream().filter(q -> !askable(q)).count();
            if (unasked > 0) {
                err.printf("eval: %s: %d queries have an empty caption; they count as misses%n", method.wireName(),
                        unasked);
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
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating " + method.wireName(), e);
        }
    }

    private SearchApiClient.Request request(BenchmarkQuery query) {
        return new SearchApiClient.Request(method.wireName(), method.needsReference() ? query.referenceId() : null,
                method.needsText() ? QueryVectors.text(query) : null, context.vectors().params(), context.depth(),
                context.collection());
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

    private MethodRun withAnnRecall(MethodRun run, List<SearchApiClient.Answer> answers, List<float[]> composed) {
        int deepest = context.deepestAnnCutoff();
        // a few more than K, so that rounding decides a near-tie at the cut-off the same way on both sides
        List<Ranking> exact = context.exact().topKAll(composed, deepest + TIE_SLACK, EXACT_THREADS).stream()
                .map(ScoreGrain::rank).toList();
        List<Ranking> approximate = answers.stream().map(a -> ScoreGrain.rank(a.results())).toList();
        Map<String, Double> system = new LinkedHashMap<>();
        for (int k : context.annCutoffs()) {
            system.put(MetricNames.annRecall(k), 100.0 * AnnRecall.meanOverlapAt(approximate, exact, k));
        }
        system.putAll(run.systemMetrics());
        return new MethodRun(run.method(), run.queries(), run.queryLatencies(), run.wallTime(), system);
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
