package io.cirstream.eval.live;

import io.cirstream.core.opensearch.OpenSearchClient;
import io.cirstream.embedder.model.ModelRuntime;
import io.cirstream.embedder.model.RuntimeOptions;
import io.cirstream.embedder.model.SpaceType;
import io.cirstream.eval.anchor.PublishedAnchors;
import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.EvalAggregator;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.MethodRun;
import io.cirstream.eval.metric.RunInfo;
import io.cirstream.eval.report.ReportWriter;
import io.cirstream.ingest.event.BenchmarkManifest;
import io.cirstream.ingest.event.BenchmarkQuery;
import io.cirstream.query.compose.CompositionParams;
import io.cirstream.query.compose.Method;
import io.cirstream.query.compose.QueryComposer;
import io.cirstream.query.compose.Slerp;
import io.cirstream.query.compose.WeiCom;
import io.cirstream.query.compose.WeightedSum;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cirstream eval}: measures the running system on a replayed benchmark. Reads the benchmark's
 * manifest and queries from Kafka, waits until the index holds the whole gallery, sends every query to the
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
        BenchmarkFeed feed = new BenchmarkFeed(options.kafka(), options.topics(), options.collection());
        BenchmarkManifest manifest = feed.awaitManifest(options.manifestTimeout(), err);
        List<BenchmarkQuery> queries = feed.queries(manifest);
        clock.lap("manifest");
        err.printf("eval: %s has %d gallery images and %d queries%n", manifest.collection(), manifest.galleryCount(),
                queries.size());
        try (OpenSearchClient client = new OpenSearchClient(options.openSearch());
             SearchApiClient api = new SearchApiClient(options.api())) {
            IndexedGallery gallery = new IndexedGallery(client, options.openSearch().indexAlias());
            gallery.awaitCount(manifest.collection(), manifest.galleryCount(), options.indexTimeout(), err);
            clock.lap("index wait");
            StoredGallery stored = gallery.vectors(manifest.collection());
            EvalReport report = evaluate(options, runtime, queries, stored, api, err);
            clock.lap("eval");
            ReportWriter writer = new ReportWriter(PublishedAnchors.bundled());
            ReportWriter.ReportFiles files = writer.write(report, options.outDir());
            out.print(writer.console(report));
            out.printf("reports: %s, %s, %s%n", files.json(), files.markdown(), files.chart());
            return new LiveEvalResult(report, files, clock.laps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + options.outDir(), e);
        }
    }

    /** The published weights: slerp's alpha is benchmark-specific (0.9 on CIRR), the others are defaults. */
    static CompositionParams params(LiveEvalOptions options) {
        return new CompositionParams(WeightedSum.DEFAULT_WEIGHT, Slerp.defaultAlpha(options.benchmark().id()),
                WeiCom.DEFAULT_LAMBDA);
    }

    private static EvalReport evaluate(LiveEvalOptions options, ModelRuntime runtime, List<BenchmarkQuery> queries,
                                       StoredGallery stored, SearchApiClient api, PrintStream err) {
        BenchmarkProtocol protocol = BenchmarkProtocol.valueOf(options.benchmark().name());
        ExactSearch.Similarity similarity = runtime.space() == SpaceType.COSINE
                ? ExactSearch.Similarity.COSINE : ExactSearch.Similarity.INNER_PRODUCT;
        QueryComposer composer = new QueryComposer(runtime.pseudoTokens(), runtime.combiner());
        for (Method method : options.parsedMethods()) {
            if (!composer.supports(method)) {
                throw new IllegalArgumentException("method " + method.wireName() + " needs a network the pack "
                        + runtime.packId() + " does not have; leave it out of --methods");
            }
        }
        QueryVectors vectors = new QueryVectors(composer, params(options), stored, runtime.texts(), queries);
        int depth = Math.max(protocol.requiredDepth(stored.size()), options.deepestAnnCutoff());
        if (depth > SearchApiClient.MAX_K) {
            err.printf("eval: WARNING %s needs the top %d results per query but the query API returns at most %d; "
                    + "metrics deeper than that count positives beyond it as misses%n", protocol, depth,
                    SearchApiClient.MAX_K);
            depth = SearchApiClient.MAX_K;
        }
        EvalContext context = new EvalContext(api, vectors, ExactSearch.of(stored.ids(), stored.vectors(), similarity),
                similarity, options.collection(), depth, options.annCutoffs(), options.concurrency());
        List<MethodRun> runs = new ArrayList<>();
        for (Method method : options.parsedMethods()) {
            runs.add(new MethodEvaluation(context, method).run(queries, err));
            err.printf("eval: %s done (%d queries)%n", method.wireName(), queries.size());
        }
        boolean generated = Files.isRegularFile(options.packDir().resolve(GENERATED_PACK_STAMP));
        RunInfo info = new RunInfo(protocol, options.split(), runtime.packId(), generated, stored.size());
        return new EvalAggregator().aggregate(info, runs);
    }
}
