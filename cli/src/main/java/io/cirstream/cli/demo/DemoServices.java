package io.cirstream.cli.demo;

import io.cirstream.indexer.IndexerConfig;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.PackSettings;
import io.cirstream.imaging.ImageConfig;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;

import java.util.Map;

/** Starts the embedder and the query API in this process, on the demo's pack, topics and world. */
final class DemoServices {

    private DemoServices() {
    }

    /** Starts both (closed through {@code resources}, the API first) and returns the query API's port. */
    static int start(DemoOptions options, ModelRuntime runtime, Resources resources) {
        Settings settings = settings(options);
        resources.add(new EmbedderService(EmbedderConfig.from(settings)).start());
        QueryApiServer api = resources.add(QueryApiServer.start(QueryApiConfig.from(settings), runtime));
        return api.port();
    }

    /**
     * The run's own topic prefix, consumer groups and Streams state, so nothing is shared with an earlier run
     * or with a service already running on this machine.
     */
    static Settings settings(DemoOptions options) {
        String run = options.runName();
        String world = options.worldDir().toAbsolutePath().toString();
        String pack = options.packDir().toAbsolutePath().toString();
        return options.settings().with(Map.ofEntries(
                // model.pack, kafka.topic-prefix and images.roots are shared by the embedder and the query API.
                Map.entry(PackSettings.PACK.name(), pack),
                Map.entry(KafkaConfig.TOPIC_PREFIX.name(), options.topicPrefix()),
                Map.entry(EmbedderConfig.APPLICATION_ID.name(), run + "-embedder"),
                Map.entry(IndexerConfig.SINK_GROUP.name(), run + "-indexer"),
                Map.entry(EmbedderConfig.STATE_DIR.name(), options.workDir().resolve("state").resolve(run)
                        .toAbsolutePath().toString()),
                Map.entry(ImageConfig.ALLOWED_ROOTS.name(), world),
                Map.entry(QueryApiConfig.PORT.name(), Integer.toString(options.port()))));
    }
}
