package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.contract.topic.Topics;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.model.ModelRuntime;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.tools.world.SyntheticWorld;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an eval integration test runs against when the embedder is not what it is about: the synthetic world
 * generated and replayed (val split) into fresh topics, its vectors written straight into a fresh index by
 * {@link DirectIndex}, and the real query API on that index. Closing it stops the API, deletes the index and closes
 * the runtime.
 */
final class DirectStage implements AutoCloseable {
    final Path pack;
    final Path outDir;
    final KafkaConfig kafka;
    final Topics topics;
    final ReplaySummary replay;
    final ModelRuntime runtime;
    final SyntheticBench bench;
    private final Settings settings;
    private final OpenSearchClient client;
    private String index;
    private QueryApiServer api;

    private DirectStage(Path dir, Path pack, String name, long seed, int images, int queries, PrintStream replayOut) {
        this.pack = pack;
        this.outDir = dir.resolve("reports");
        SyntheticWorld.generate(seed, images, queries, dir.resolve("world"));
        topics = new Topics(LocalInfra.uniqueName(name) + ".");
        kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);
        settings = LocalInfra.settings(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), LocalInfra.uniqueName(name),
                QueryApiConfig.PORT.name(), "0", QueryApiConfig.TOPIC_PREFIX.name(), topics.gallery().replace("gallery", "")));
        // the API's watch feed (and so its /ready and reference cache) reads the vectors topic
        KafkaSetup.ensureTopics(kafka, List.of(topics.vectors()));
        replay = Replayer.run(ReplayOptions.of(Benchmark.SYNTHETIC, dir.resolve("world"), "val", kafka)
                .withTopics(topics), replayOut);
        runtime = SyntheticBench.runtime(pack);
        client = LocalInfra.openSearch();
        bench = SyntheticBench.encode(runtime, seed, images, queries, dir.resolve("world"));
    }

    /** Generates and replays the world, encodes it, indexes it directly and starts the query API on the index. */
    static DirectStage start(Path dir, Path pack, String name, long seed, int images, int queries,
                             PrintStream replayOut) throws Exception {
        DirectStage stage = new DirectStage(dir, pack, name, seed, images, queries, replayOut);
        try {
            String alias = OpenSearchConfig.from(stage.settings).indexAlias();
            stage.index = DirectIndex.create(stage.client, stage.runtime, alias, stage.bench, "synthetic-val",
                    stage.replay.runId());
            stage.api = QueryApiServer.start(QueryApiConfig.from(stage.settings), stage.runtime);
            return stage;
        } catch (Exception | Error e) {
            stage.close();
            throw e;
        }
    }

    /** Options for evaluating the replayed val split through this stage's API, reports under {@code outDir}. */
    LiveEvalOptions options(List<String> methods) {
        return LiveEvalOptions.of(Benchmark.SYNTHETIC, "val", pack, kafka, OpenSearchConfig.from(settings))
                .withMethods(methods)
                .withApi(URI.create("http://127.0.0.1:" + api.port()))
                .withOutDir(outDir).withTopics(topics);
    }

    @Override
    public void close() {
        try (runtime; client) {
            if (api != null) {
                api.close();
            }
            if (index != null) {
                client.send("DELETE", "/" + index, null);
            }
        }
    }
}
