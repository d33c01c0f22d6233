package io.cirstream.cli;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.Topics;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kafka.topic-prefix} must reach the commands that write topics, as it reaches the services that read them. */
@IntegrationTest
class TopicPrefixIntegrationTest {
    private static final KafkaConfig PLAIN = new KafkaConfig(LocalInfra.kafkaBootstrap(), 1, (short) 1);

    @Test
    void ingestWritesToThePrefixedGalleryTopic(@TempDir Path dir) throws IOException {
        String prefix = LocalInfra.uniqueName("pfx") + ".";
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", images.resolve("tile.png").toFile());

        int rc = Main.commandLine().execute("ingest", "--config", configFile(dir, prefix).toString(), images.toString());

        assertThat(rc).isZero();
        assertThat(TopicRecords.count(PLAIN, new Topics(prefix).gallery())).isEqualTo(1);
    }

    @Test
    void replayWritesToThePrefixedBenchmarkTopics(@TempDir Path dir) {
        String prefix = LocalInfra.uniqueName("pfx") + ".";
        Path world = dir.resolve("world");
        assertThat(Main.commandLine().execute("world", "--out", world.toString(), "--images", "12", "--queries", "4",
                "--seed", "7")).isZero();

        int rc = Main.commandLine().execute("replay", "synthetic", "--data", world.toString(), "--config",
                configFile(dir, prefix).toString());

        assertThat(rc).isZero();
        assertThat(TopicRecords.count(PLAIN, new Topics(prefix).benchmarkGallery("synthetic-val"))).isEqualTo(12);
    }

    private static Path configFile(Path dir, String prefix) {
        try {
            return Files.writeString(dir.resolve("cirstream.properties"), "kafka.bootstrap=" + LocalInfra.kafkaBootstrap()
                    + "\nkafka.topic-prefix=" + prefix + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
