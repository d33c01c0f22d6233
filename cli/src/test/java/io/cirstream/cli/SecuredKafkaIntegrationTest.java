package io.cirstream.cli;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.embedder.app.EmbedderConfig;
import io.cirstream.embedder.app.EmbedderService;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.contract.topic.Topics;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.SecuredKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands through the local broker's SASL_SSL listener (SCRAM-SHA-512, TLS with a private CA), configured
 * only by {@code kafka.client.*} settings in a config file, as a user of a managed Kafka would.
 */
@IntegrationTest
class SecuredKafkaIntegrationTest {
    private static final String USER = LocalInfra.uniqueName("user");
    private static final String PASSWORD = UUID.randomUUID().toString();

    @BeforeAll
    static void createUser() {
        SecuredKafka.createUser(USER, PASSWORD);
    }

    @Test
    void ingestAndReplayPublishThroughSaslSsl(@TempDir Path dir) throws IOException {
        String prefix = LocalInfra.uniqueName("sec") + ".";
        Path config = configFile(dir, prefix, PASSWORD);
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        Path world = dir.resolve("world");
        assertThat(Main.commandLine().execute("world", "--out", world.toString(), "--images", "10", "--queries", "3",
                "--seed", "3")).isZero();

        assertThat(Main.commandLine().execute("ingest", "--config", config.toString(), images.toString())).isZero();
        assertThat(Main.commandLine().execute("replay", "synthetic", "--data", world.toString(), "--config",
                config.toString())).isZero();

        KafkaConfig secured = SecuredKafka.config(USER, PASSWORD, 1);
        Topics topics = new Topics(prefix);
        assertThat(TopicRecords.count(secured, topics.gallery())).isEqualTo(1);
        assertThat(TopicRecords.count(secured, topics.benchmarkGallery("synthetic-val"))).isEqualTo(10);
    }

    @Test
    void aWrongPasswordIsAClearErrorNotAHang(@TempDir Path dir) throws IOException {
        Path config = configFile(dir, LocalInfra.uniqueName("sec") + ".", "not-" + PASSWORD);
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
        // The command line reports failures on its error stream, which it takes from System.err when it is built.
        var captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = System.err;
        int rc;
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            rc = Main.commandLine().execute("ingest", "--config", config.toString(), images.toString());
            System.err.flush();
        } finally {
            System.setErr(previous);
        }
        String said = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rc).isNotZero();
        assertThat(said).containsIgnoringCase("authentication failed");
    }

    /**
     * The long-running services refuse to start with a wrong password and say why, rather than retrying forever:
     * the embedder and the query API each create their topics first, through the same secured admin client.
     */
    @Test
    void servicesWithAWrongPasswordFailToStartWithAClearError(@TempDir Path dir) throws IOException {
        Path config = configFile(dir, LocalInfra.uniqueName("sec") + ".", "not-" + PASSWORD);
        Path pack = PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("pack"));
        Settings settings = Settings.load(Optional.of(config)).with(Map.of(EmbedderConfig.PACK.name(), pack.toString(),
                EmbedderConfig.STATE_DIR.name(), dir.resolve("state").toString(),
                EmbedderConfig.METRICS_PORT.name(), "-1", QueryApiConfig.PORT.name(), "0",
                OpenSearchConfig.URL.name(), LocalInfra.openSearchUrl()));

        assertThatThrownBy(() -> new EmbedderService(EmbedderConfig.from(settings)).start().close())
                .as("the embedder").hasStackTraceContaining("Authentication failed");
        assertThatThrownBy(() -> QueryApiServer.start(QueryApiConfig.from(settings)).close())
                .as("the query API").hasStackTraceContaining("Authentication failed");
    }

    private static Path configFile(Path dir, String prefix, String password) throws IOException {
        String client = SecuredKafka.clientSettings(USER, password).entrySet().stream()
                .map(e -> KafkaConfig.CLIENT_PREFIX + "." + e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("secured.properties"), "kafka.bootstrap=127.0.0.1:" + SecuredKafka.saslPort()
                + "\nkafka.topic-prefix=" + prefix + "\n" + client + "\n");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
