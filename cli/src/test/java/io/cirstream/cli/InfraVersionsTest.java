package io.cirstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/versions.env names the broker and OpenSearch versions once; everything else that names them must agree,
 * since the compose file cannot run here and a drift (it once pinned Kafka 4.1.0 / OpenSearch 3.0.0) goes unseen.
 */
class InfraVersionsTest {
    private final Properties versions = load();

    @Test
    void composeImagesUseTheLocalInfraVersions() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory())
                .readTree(RepoFiles.resolve("docker-compose.yml").toFile()).path("services");
        assertThat(services.path("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + versions.getProperty("KAFKA_VERSION"));
        assertThat(services.path("opensearch").path("image").asText())
                .isEqualTo("opensearchproject/opensearch:" + versions.getProperty("OPENSEARCH_VERSION"));
    }

    @Test
    void kafkaClientsMatchTheBroker() throws IOException {
        assertThat(pomProperty("pom.xml", "kafka.version")).isEqualTo(versions.getProperty("KAFKA_VERSION"));
        assertThat(pomProperty("infra/kafka/pom.xml", "kafka.version")).isEqualTo(versions.getProperty("KAFKA_VERSION"));
    }

    @Test
    void knnPluginBelongsToTheOpenSearchRelease() {
        assertThat(versions.getProperty("KNN_VERSION")).startsWith(versions.getProperty("OPENSEARCH_VERSION") + ".");
    }

    private static String pomProperty(String pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(RepoFiles.resolve(pom)));
        assertThat(m.find()).as("%s defines <%s>", pom, name).isTrue();
        return m.group(1).trim();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RepoFiles.resolve("infra/versions.env"))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(p.stringPropertyNames()).contains("KAFKA_VERSION", "OPENSEARCH_VERSION", "KNN_VERSION");
        return p;
    }
}
