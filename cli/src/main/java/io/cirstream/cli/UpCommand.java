package io.cirstream.cli;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.infra.LocalInfrastructure;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.model.PackSettings;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cirstream up}: local Kafka + OpenSearch (started if needed and left running, like
 * {@code infra up}), then the embedder and the query API in this process until Ctrl-C.
 */
@Command(name = "up", description = "Start local Kafka + OpenSearch, then the embedder and the query API until Ctrl-C.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = config.load();
        settings.validate(ConfigCatalog.all());
        // Not closed on exit on purpose: 'up' leaves the infrastructure running, as 'infra up' does.
        LocalInfrastructure.ensureUp(KafkaConfig.from(settings), OpenSearchConfig.from(settings), System.err);
        ensureDefaultPack(settings);
        System.err.print(settings.describe("cirstream", ConfigCatalog.all()));
        EmbedderService embedder = new EmbedderService(EmbedderConfig.from(settings)).start();
        QueryApiServer api = QueryApiServer.start(QueryApiConfig.from(settings));
        System.err.printf("cirstream is up: query API and web page at http://%s:%d (Ctrl-C stops the services; "
                + "'./cirstream infra down' stops Kafka and OpenSearch)%n", settings.get(QueryApiConfig.HOST), api.port());
        ServiceLifetime.runUntilStopped(embedder, api);
        return 0;
    }

    /** The default pack location gets the generated synthetic pack, so 'up' works on a fresh checkout. */
    private static void ensureDefaultPack(Settings settings) {
        Path pack = settings.get(PackSettings.PACK);
        boolean isDefault = pack.equals(Path.of(PackSettings.PACK.defaultValue()));
        if (isDefault && !Files.exists(pack.resolve("manifest.json"))) {
            System.err.println("no model pack at " + pack + ": generating the synthetic pack there (not CLIP; "
                    + "see docs/model-packs.md to use a real one)");
            PackGenerator.generate(PackGenerator.SYNTHETIC, pack);
        }
    }
}
