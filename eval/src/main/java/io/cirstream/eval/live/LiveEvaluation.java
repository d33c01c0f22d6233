package io.cirstream.eval.live;

import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.eval.anchor.PublishedAnchors;
import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.EvalAggregator;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.RunInfo;
import io.cirstream.eval.report.ReportWriter;
import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.ingest.replay.ReplayRun;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;
import io.cirstream.model.composition.Slerp;
import io.cirstream.model.composition.WeiCom;
import io.cirstream.model.composition.WeightedSum;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cirstream eval}: measures the running system on a replayed benchmark. Reads the benchmark's
 * receipt and queries from Kafka, waits until the index holds the whole gallery, sends every query to the
 * query API once per method, scores the rankings by the benchmark's protocol, compares the k-NN answers with
 * exact search over the stored vectors, and writes the reports.
 */
public final class LiveEvaluation {
    /** {@code PackGenerator} stamps the packs it writes with this file; such packs are not CLIP. */
    private static final String GENERATED_PACK_STAMP = "generated-by.txt";

    private LiveEvaluation() {
    }

    /** Loads the pack named by the options for encoding query texts, then evaluates. */
    public static LiveEvalResult run(LiveEvalOptions options, PrintStream out, PrintStream err) {
        try (ModelRuntime runtime = ModelRuntime.load(options.packDir(), RuntimeOptions.defaults())) {
            return run(options, runtime, out, err);
        }
    }

    /** Evaluates with an already loaded pack (the same one the embedder and query API run). */
    public static LiveEvalResult run(LiveEvalOptions options, ModelRuntime runtime, PrintStream out, PrintStream err) {
        StageClock clock = new StageClock();
        String runId = ReplayRun.newId(Instant.now());
        BenchmarkFeed feed = new BenchmarkFeed(options.kafka(), options.topics(), options.collection());
        BenchmarkFeed.Replayed replayed = feed.awaitReceipt(options.receiptTimeout(), err);
        ReplayReceipt receipt = replayed.receipt();
        List<BenchmarkQuery> queries = feed.queries(replayed);
        clock.lap("receipt");
        err.printf("eval: run %s: %s has %d gallery images and %d queries (replay %s)%n", runId,
                receipt.collection(), receipt.galleryCount(), queries.size(), replayed.runId().orElse("unnamed"));
        List<String> notes = new ArrayList<>();
        BenchmarkProtocol protocol = BenchmarkProtocol.valueOf(options.benchmark().name());
        boolean hidden = Submissions.labelsHidden(queries);
        if (hidden) {
            notes.add("the labels of " + protocol + " " + options.split() + " are hidden: every query was ranked, "
                    + "but no metric can be computed here; " + Submissions.server(protocol)
                    .map(server -> "score the submission files written beside this report at " + server)
                    .orElse("this benchmark has no evaluation server we know of"));
        }
        if (replayed.runId().isEmpty()) {
            notes.add("the replay named no run id (written by an older cirstream): every query of the split on "
                    + "the topic was scored; replay again to score exactly one replay's queries");
        }
        try (OpenSearchClient client = new OpenSearchClient(options.openSearch());
             SearchApiClient api = new SearchApiClient(options.api())) {
            IndexedGallery gallery = new IndexedGallery(client, options.openSearch().indexAlias());
            gallery.awaitCount(receipt.collection(), replayed.runId().orElse(null), receipt.galleryCount(),
                    options.indexTimeout(), err);
            clock.lap("index wait");
            StoredGallery stored = gallery.vectors(receipt.collection());
            if (stored.size() > receipt.galleryCount()) {
                notes.add("the index holds " + stored.size() + " images of " + receipt.collection() + " but the "
                        + "replay published " + receipt.galleryCount() + ": images of an earlier replay of this "
                        + "split are ranked too");
            }
            notes.forEach(note -> err.println("eval: NOTE " + note));
            RunInfo info = new RunInfo(protocol, options.split(),
                    runtime.packId(), Files.isRegularFile(options.packDir().resolve(GENERATED_PACK_STAMP)),
                    stored.size(), runId, replayed.runId().orElse(""), notes);
            Evaluated evaluated = evaluate(options, runtime, info, queries, stored, gallery, api, err);
            clock.lap("eval");
            ReportWriter writer = new ReportWriter(PublishedAnchors.bundled());
            ReportWriter.ReportFiles files = writer.files(evaluated.report(), options.outDir());
            RankingsFile.write(files.rankings(), queries, evaluated.answers());
            writer.write(evaluated.report(), options.outDir());
            ReportWriter.ReportFiles latest = writer.keepLatest(evaluated.report(), files);
            out.print(writer.console(evaluated.report()));
            if (hidden && Submissions.server(protocol).isPresent()) {
                Path base = files.json().resolveSibling(files.json().getFileName().toString().replaceFirst("\\.json$", ""));
                List<Path> submissions = Submissions.write(protocol, base, queries, evaluated.answers());
                out.printf("labels hidden: submit these files at %s:%n", Submissions.server(protocol).get());
                submissions.forEach(file -> out.println("  " + file));
            }
            out.printf("reports: %s, %s, %s; per-query rankings: %s; latest copy: %s%n", files.json(),
                    files.markdown(), files.chart(), files.rankings(), latest.json());
            return new LiveEvalResult(evaluated.report(), files, clock.laps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + options.outDir(), e);
        }
    }

    /** A report and, per method, each query's answer for the rankings file. */
    private record Evaluated(EvalReport report, List<RankingsFile.MethodAnswers> answers) {
    }

    /** The published weights: slerp's alpha is benchmark-specific (0.9 on CIRR), the others are defaults. */
    static CompositionParams params(LiveEvalOptions options) {
        return new CompositionParams(WeightedSum.DEFAULT_WEIGHT, Slerp.defaultAlpha(options.benchmark().id()),
                WeiCom.DEFAULT_LAMBDA);
    }

    private static Evaluated evaluate(LiveEvalOptions options, ModelRuntime runtime, RunInfo info,
                                      List<BenchmarkQuery> queries, StoredGallery stored, IndexedGallery gallery,
                                      SearchApiClient api,
                                      PrintStream err) {
        BenchmarkProtocol protocol = info.benchmark();
        ExactSearch.Similarity similarity = runtime.space() == SpaceType.COSINE
                ? ExactSearch.Similarity.COSINE : ExactSearch.Similarity.INNER_PRODUCT;
        Composer composer = Composer.of(runtime);
        CompositionParams params = params(options);
        for (Method method : options.parsedMethods()) {
            if (method == Method.CVSI) {
                throw new IllegalArgumentException("method cvsi needs a target description per query, which no "
                        + "benchmark carries (CVSI's LLM step runs outside cirstream); leave it out of --methods");
            }
            composer.unavailable(method, params).ifPresent(why -> {
                throw new IllegalArgumentException("method " + method.wireName() + ": " + why + " (pack "
                        + runtime.packId() + "); leave it out of --methods");
            });
        }
        boolean needsFiles = options.parsedMethods().stream().anyMatch(m -> composer.needsPixels(m, params));
        ReferenceFiles files = new ReferenceFiles(needsFiles ? gallery.imageUris(options.collection()) : Map.of());
        QueryVectors vectors = new QueryVectors(composer, params, stored, runtime.texts(), queries, files);
        int depth = Math.max(protocol.requiredDepth(stored.size()), options.deepestAnnCutoff());
        if (depth > SearchApiClient.MAX_K) {
            err.printf("eval: WARNING %s needs the top %d results per query but the query API returns at most %d; "
                    + "metrics deeper than that count positives beyond it as misses%n", protocol, depth,
                    SearchApiClient.MAX_K);
            depth = SearchApiClient.MAX_K;
        }
        Map<String, ExactSearch> perCategory = new LinkedHashMap<>();
        if (protocol.ranksWithinCategory()) {
            queries.stream().map(BenchmarkQuery::category).filter(Objects::nonNull).distinct().forEach(category -> {
                StoredGallery own = stored.tagged(category);
                if (own.size() == 0) {
                    throw new IllegalStateException("no indexed image of " + options.collection() + " is tagged with "
                            + "category '" + category + "': it was replayed before replays tagged categories; "
                            + "replay it again");
                }
                perCategory.put(category, ExactSearch.of(own.ids(), own.vectors(), similarity));
                err.printf("eval: %s queries are ranked over the %d images of its gallery%n", category, own.size());
            });
        }
        EvalContext context = new EvalContext(api, vectors, ExactSearch.of(stored.ids(), stored.vectors(), similarity),
                similarity, options.collection(), depth, options.annCutoffs(), options.concurrency(), perCategory);
        List<MethodRun> runs = new ArrayList<>();
        List<RankingsFile.MethodAnswers> answers = new ArrayList<>();
        for (Method method : options.parsedMethods()) {
            MethodEvaluation.Result result = new MethodEvaluation(context, method).run(queries, err);
            runs.add(result.run());
            answers.add(new RankingsFile.MethodAnswers(method.wireName(), result.answers(), result.subsetRankings()));
            err.printf("eval: %s done (%d queries, %d failed)%n", method.wireName(), queries.size(),
                    result.run().failedQueries());
        }
        return new Evaluated(new EvalAggregator().aggregate(info, runs), answers);
    }
}
