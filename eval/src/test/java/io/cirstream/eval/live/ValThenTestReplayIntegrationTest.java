package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.contract.topic.Topics;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.MethodResult;
import io.cirstream.indexer.IndexerConfig;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.composition.Slerp;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 13, "done when": fixtures shaped like the published CIRR rc2, FashionIQ and CIRCO files are replayed val
 * first, then test (the real {@link Replayer}), into one running embedder (in-process indexer) and query API; after
 * the test split is indexed, {@code eval <benchmark> --split val} is still exact: every val query scored, the index
 * holds exactly the val gallery in the val collection, and the metrics equal {@link ProtocolOracle}'s brute force
 * over the val images. Eval of the test split writes submission files that pass {@link SubmissionFormat} and hold
 * the brute-force top 50 of the test gallery.
 * <p>
 * Before documents were keyed by collection and id, the test replay moved every image it shares with val (all
 * of CIRCO's, FashionIQ's shared ASINs) into the test collection, and the val eval waited for an index that held
 * too few val images until its timeout.
 */
@IntegrationTest
class ValThenTestReplayIntegrationTest {
    private static final List<String> METHODS = List.of("image", "sum", "slerp");
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    /** Similarities closer than this are ties (live scores are rounded to 5 decimals; encodings differ in the last bits). */
    private static final double TIE = 2e-5;

    @TempDir
    static Path dir;

    private static Settings settings;
    private static Topics topics;
    private static KafkaConfig kafka;
    private static ModelRuntime runtime;
    private static EmbedderService embedder;
    private static QueryApiServer api;
    private static OpenSearchClient client;
    private static String alias;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void startServices() {
        String name = LocalInfra.uniqueName("valtest");
        alias = name;
        Path pack = SyntheticBench.syntheticPack(dir);
        Map<String, String> overrides = new HashMap<>(Map.of(
                EmbedderConfig.PACK.name(), pack.toString(),
                KafkaConfig.TOPIC_PREFIX.name(), name + ".",
                OpenSearchConfig.INDEX_ALIAS.name(), alias,
                EmbedderConfig.APPLICATION_ID.name(), name,
                EmbedderConfig.STATE_DIR.name(), dir.resolve("state").toString(),
                EmbedderConfig.MODEL_THREADS.name(), "1",
                EmbedderConfig.LINGER_MS.name(), "50",
                IndexerConfig.BULK_LINGER_MS.name(), "50",
                EmbedderConfig.SESSION_TIMEOUT_MS.name(), "6000"));
        overrides.put(QueryApiConfig.PORT.name(), "0");
        settings = LocalInfra.settings(overrides);
        topics = Topics.from(settings);
        kafka = KafkaConfig.from(settings);
        client = LocalInfra.openSearch();
        runtime = SyntheticBench.runtime(pack);
        // The gallery topics exist before the embedder subscribes to their pattern, so it reads each from the start
        // without waiting for a metadata refresh; the replays still publish val first, then test.
        KafkaSetup.ensureTopics(kafka, List.of("cirr-val", "cirr-test1", "fashioniq-val", "fashioniq-test", "circo-val",
                "circo-test").stream().map(topics::benchmarkGallery).toList());
        embedder = new EmbedderService(EmbedderConfig.from(settings)).start();
        api = QueryApiServer.start(QueryApiConfig.from(settings), runtime);
    }

    @AfterAll
    static void stopServices() {
        if (api != null) {
            api.close();
        }
        if (embedder != null) {
            embedder.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (client != null) {
            client.send("DELETE", "/" + alias + "-v1-*", null);
            client.close();
        }
    }

    @Test
    void cirrValStaysExactAfterTest1AndTest1WritesValidSubmissions() {
        PublishedLayouts.Layout layout = PublishedLayouts.cirr(dir.resolve("CIRR"));
        EvalReport val = replayValThenTestAndEvaluateVal(Benchmark.CIRR, layout);
        ProtocolOracle oracle = new ProtocolOracle(runtime, layout.val());
        assertMetrics(val, method -> oracle.cirr(method, alpha(Benchmark.CIRR)));

        LiveEvalResult test = evaluate(Benchmark.CIRR, layout.test().name());
        ProtocolOracle testOracle = new ProtocolOracle(runtime, layout.test());
        Set<String> gallery = layout.test().files().keySet();
        for (String method : METHODS) {
            Map<String, List<String>> recall = SubmissionFormat.assertCirr(submission(test, method, "recall"),
                    "recall", layout.test().queries(), gallery);
            Map<String, List<String>> subset = SubmissionFormat.assertCirr(submission(test, method, "recall_subset"),
                    "recall_subset", layout.test().queries(), gallery);
            for (PublishedLayouts.Query query : layout.test().queries()) {
                List<String> exact = testOracle.ranking(query, method, alpha(Benchmark.CIRR), true);
                assertRankedAsExact(recall.get(query.id()), top(exact, SubmissionFormat.TOP), testOracle, query,
                        method, Benchmark.CIRR);
                assertRankedAsExact(subset.get(query.id()), top(exact.stream().filter(query.members()::contains)
                        .toList(), SubmissionFormat.SUBSET_TOP), testOracle, query, method, Benchmark.CIRR);
            }
        }
    }

    @Test
    void fashionIqValStaysExactPerCategoryAfterTest() {
        PublishedLayouts.Layout layout = PublishedLayouts.fashionIq(dir.resolve("FashionIQ"));
        EvalReport val = replayValThenTestAndEvaluateVal(Benchmark.FASHIONIQ, layout);
        ProtocolOracle oracle = new ProtocolOracle(runtime, layout.val());
        assertMetrics(val, method -> oracle.fashionIq(method, alpha(Benchmark.FASHIONIQ)));

        EvalReport test = evaluate(Benchmark.FASHIONIQ, layout.test().name()).report();
        assertThat(test.gallerySize()).isEqualTo(layout.test().files().size());
        assertThat(test.failedQueries()).as("failed test queries: %s", test.failureSummary()).isZero();
    }

    @Test
    void circoValStaysExactAfterTestOverTheSameImagesAndTestWritesAValidSubmission() {
        PublishedLayouts.Layout layout = PublishedLayouts.circo(dir.resolve("CIRCO"));
        EvalReport val = replayValThenTestAndEvaluateVal(Benchmark.CIRCO, layout);
        ProtocolOracle oracle = new ProtocolOracle(runtime, layout.val());
        assertMetrics(val, method -> oracle.circo(method, alpha(Benchmark.CIRCO)));

        LiveEvalResult test = evaluate(Benchmark.CIRCO, layout.test().name());
        ProtocolOracle testOracle = new ProtocolOracle(runtime, layout.test());
        for (String method : METHODS) {
            Map<String, List<String>> submitted = SubmissionFormat.assertCirco(submission(test, method, "circo"),
                    layout.test().queries(), layout.test().files().keySet());
            for (PublishedLayouts.Query query : layout.test().queries()) {
                assertRankedAsExact(submitted.get(query.id()), top(testOracle.ranking(query, method,
                        alpha(Benchmark.CIRCO), true), SubmissionFormat.TOP), testOracle, query, method, Benchmark.CIRCO);
            }
        }
    }

    /**
     * Replays val then test, waits until the index holds the whole test split (so the test replay has had every
     * chance to overwrite val), then evaluates val and checks what does not depend on the protocol.
     */
    private EvalReport replayValThenTestAndEvaluateVal(Benchmark benchmark, PublishedLayouts.Layout layout) {
        ReplaySummary val = replay(benchmark, layout.root(), layout.val().name());
        ReplaySummary test = replay(benchmark, layout.root(), layout.test().name());
        assertThat(val.receipt().galleryCount()).as("val gallery replayed").isEqualTo(layout.val().files().size());
        assertThat(val.receipt().queryCount()).as("val queries replayed").isEqualTo(layout.val().queries().size());
        assertThat(test.receipt().galleryCount()).as("test gallery replayed").isEqualTo(layout.test().files().size());
        assertThat(test.receipt().queryCount()).as("test queries replayed").isEqualTo(layout.test().queries().size());
        String valCollection = benchmark.id() + "-" + layout.val().name();
        String testCollection = benchmark.id() + "-" + layout.test().name();
        IndexedGallery gallery = new IndexedGallery(client, alias);
        gallery.awaitCount(testCollection, test.runId(), layout.test().files().size(), INDEX_WAIT, err);

        EvalReport report = evaluate(benchmark, layout.val().name()).report();

        assertThat(gallery.count(valCollection)).as("%s documents", valCollection).isEqualTo(layout.val().files().size());
        assertThat(gallery.vectors(valCollection).ids()).as("%s images", valCollection)
                .containsExactlyInAnyOrderElementsOf(layout.val().files().keySet());
        assertThat(gallery.count(testCollection)).as("%s documents", testCollection)
                .isEqualTo(layout.test().files().size());
        assertThat(report.gallerySize()).isEqualTo(layout.val().files().size());
        assertThat(report.replayRun()).isEqualTo(val.runId());
        for (String method : METHODS) {
            MethodResult result = report.methods().get(method);
            assertThat(result.scoredQueries()).as("%s: val queries scored", method)
                    .isEqualTo(layout.val().queries().size());
            assertThat(result.failedQueries()).as("%s: failed queries", method).isEmpty();
        }
        return report;
    }

    private static void assertMetrics(EvalReport report, Function<String, Map<String, Double>> oracle) {
        for (String method : METHODS) {
            Map<String, Double> expected = oracle.apply(method);
            Map<String, Double> live = report.methods().get(method).metrics();
            expected.forEach((metric, value) -> assertThat(live.get(metric)).as("%s %s", method, metric)
                    .isNotNull().isCloseTo(value, within(1e-9)));
        }
    }

    private ReplaySummary replay(Benchmark benchmark, Path root, String split) {
        return Replayer.run(ReplayOptions.of(benchmark, root, split, kafka).withTopics(topics)
                .withProblems(null, null, dir.resolve("problems")), err);
    }

    private LiveEvalResult evaluate(Benchmark benchmark, String split) {
        LiveEvalOptions options = LiveEvalOptions.fromSettings(benchmark, split, settings).withMethods(METHODS)
                .withApi(URI.create("http://127.0.0.1:" + api.port()))
                .withOutDir(dir.resolve("reports"));
        options = new LiveEvalOptions(options.benchmark(), options.split(), options.methods(), options.annCutoffs(),
                options.api(), options.outDir(), options.packDir(), options.concurrency(), Duration.ofSeconds(30),
                INDEX_WAIT, options.kafka(), options.openSearch(), options.topics());
        try {
            return LiveEvaluation.run(options, runtime, new PrintStream(log, true, StandardCharsets.UTF_8), err);
        } catch (RuntimeException e) {
            throw new AssertionError("eval " + benchmark.id() + " --split " + split + " failed; its output:\n" + log, e);
        }
    }

    /**
     * The i-th submitted image has the i-th best exact similarity. Equal up to ties, not equal as lists: live runs
     * round similarities to 5 decimals and break ties by id (docs/evaluation.md), and the synthetic pack gives many
     * unrelated tiles nearly the same similarity.
     */
    private static void assertRankedAsExact(List<String> submitted, List<String> exact, ProtocolOracle oracle,
                                            PublishedLayouts.Query query, String method, Benchmark benchmark) {
        assertThat(submitted).as("%s ranking of query %s", method, query.id()).hasSameSizeAs(exact)
                .containsExactlyInAnyOrderElementsOf(exact);
        for (int i = 0; i < exact.size(); i++) {
            assertThat(oracle.score(query, method, alpha(benchmark), submitted.get(i)))
                    .as("%s query %s rank %d: %s (exact order %s)", method, query.id(), i + 1, submitted, exact)
                    .isCloseTo(oracle.score(query, method, alpha(benchmark), exact.get(i)), within(TIE));
        }
    }

    /** {@code <report>.<method>.<kind>.json} beside the report, as docs/evaluation.md names the submission files. */
    private static Path submission(LiveEvalResult result, String method, String kind) {
        String report = result.files().json().getFileName().toString().replaceFirst("\\.json$", "");
        return result.files().json().resolveSibling(report + "." + method + "." + kind + ".json");
    }

    private static List<String> top(List<String> ranking, int k) {
        return List.copyOf(new LinkedHashSet<>(ranking.subList(0, Math.min(k, ranking.size()))));
    }

    private static double alpha(Benchmark benchmark) {
        return Slerp.defaultAlpha(benchmark.id());
    }
}
