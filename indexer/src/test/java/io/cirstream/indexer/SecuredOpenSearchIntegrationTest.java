package io.cirstream.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.opensearch.OpenSearchException;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.SecuredOpenSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter against an OpenSearch that demands TLS and basic auth (infra.sh up opensearch-secure): with its CA and
 * the right credentials everything works; a wrong password, the JVM's default trust or another CA fail with an error
 * that says which, before any data is sent. And failover across nodes when the first does not answer.
 */
@IntegrationTest
class SecuredOpenSearchIntegrationTest {
    private final String alias = LocalInfra.uniqueName("secure");

    @AfterEach
    void dropIndex() {
        try (OpenSearchClient plain = LocalInfra.openSearch()) {
            plain.send("DELETE", "/" + alias + "-v1-*", null);
        }
    }

    @Test
    void withItsCaAndCredentialsCreatesIndexesBulkIndexesAndSearches() {
        try (OpenSearchClient client = new OpenSearchClient(SecuredOpenSearch.config(alias))) {
            assertThat(client.nodes()).singleElement().extracting(URI::getScheme).isEqualTo("https");
            assertThat(client.healthy()).isTrue();
            String index = GalleryIndexAdmin.ensure(client, alias, 2, SpaceType.COSINE, "m1", IndexSettings.defaults("1s"));
            JsonNode bulk = client.bulk("""
                    {"index":{"_index":"%1$s","_id":"east","version":1,"version_type":"external_gte"}}
                    {"vector":[1,0],"model":"m1"}
                    {"index":{"_index":"%1$s","_id":"north","version":1,"version_type":"external_gte"}}
                    {"vector":[0,1],"model":"m1"}
                    """.formatted(index), true);
            assertThat(bulk.path("errors").asBoolean()).as(bulk.toString()).isFalse();

            JsonNode hits = client.call("POST", "/" + alias + "/_search",
                    "{\"size\":1,\"query\":{\"knn\":{\"vector\":{\"vector\":[0.9,0.1],\"k\":1}}}}").path("hits").path("hits");
            assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.path("_id").asText()).isEqualTo("east"));
        }
    }

    @Test
    void aWrongPasswordFailsNamingAuthentication() {
        OpenSearchConfig right = SecuredOpenSearch.config(alias);
        OpenSearchConfig wrong = new OpenSearchConfig(right.urls(), right.username(), right.password() + "-wrong",
                alias, right.tls());
        try (OpenSearchClient client = new OpenSearchClient(wrong)) {
            assertThatThrownBy(() -> client.exists(alias)).isInstanceOfSatisfying(OpenSearchException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.retriable()).isFalse();
                assertThat(e.getMessage()).contains("authentication failed", "401", "opensearch.password")
                        .doesNotContain(wrong.password());
            });
            assertThat(client.sendAsync("HEAD", "/" + alias, null, "application/json"))
                    .failsWithin(30, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("authentication failed");
        }
    }

    @Test
    void withoutTheCaOrWithAnotherCaTheHandshakeFailsAndNothingIsSent(@TempDir Path dir) throws Exception {
        OpenSearchConfig right = SecuredOpenSearch.config(alias);
        OpenSearchConfig jvmTrust = new OpenSearchConfig(right.urls(), right.username(), right.password(), alias,
                OpenSearchConfig.Tls.DEFAULT);
        OpenSearchConfig otherCa = new OpenSearchConfig(right.urls(), right.username(), right.password(), alias,
                OpenSearchConfig.Tls.caPem(otherCa(dir)));
        for (OpenSearchConfig untrusted : List.of(jvmTrust, otherCa)) {
            try (OpenSearchClient client = new OpenSearchClient(untrusted)) {
                assertThatThrownBy(() -> GalleryIndexAdmin.ensure(client, alias, 2, SpaceType.COSINE, "m1",
                        IndexSettings.defaults("1s")))
                        .as(untrusted.tls().toString())
                        .isInstanceOfSatisfying(OpenSearchException.class, e -> {
                            assertThat(e.status()).isZero();
                            assertThat(e.getMessage()).contains("TLS handshake failed", "not trusted",
                                    "opensearch.tls.ca-pem");
                        });
            }
        }
        try (OpenSearchClient plain = LocalInfra.openSearch()) {
            assertThat(plain.exists(alias)).as("no index created through an untrusted connection").isFalse();
        }
    }

    @Test
    void theTruststoreAloneIsTrustToo() {
        var c = SecuredOpenSearch.connection();
        OpenSearchConfig right = SecuredOpenSearch.config(alias);
        OpenSearchConfig truststore = new OpenSearchConfig(right.urls(), right.username(), right.password(), alias,
                new OpenSearchConfig.Tls(Optional.empty(), Optional.of(Path.of(c.getProperty("truststore.location"))),
                        c.getProperty("truststore.password"), c.getProperty("truststore.type"), true));
        try (OpenSearchClient client = new OpenSearchClient(truststore)) {
            assertThat(client.healthy()).isTrue();
        }
    }

    @Test
    void failsOverToTheNextNodeWhenTheFirstDoesNotAnswer() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        OpenSearchConfig twoNodes = new OpenSearchConfig(List.of(closed, URI.create(LocalInfra.openSearchUrl())), "", "",
                alias, OpenSearchConfig.Tls.DEFAULT);
        try (OpenSearchClient client = new OpenSearchClient(twoNodes)) {
            for (int i = 0; i < 4; i++) { // round-robin starts on either node: every request must still be answered
                assertThat(client.send("GET", "/_cluster/health", null).ok()).isTrue();
            }
            GalleryIndexAdmin.ensure(client, alias, 2, SpaceType.COSINE, "m1", IndexSettings.defaults("1s"));
            assertThat(client.exists(alias)).isTrue();
        }
    }

    /** A CA that signed nothing the server presents, made with the JDK's keytool. */
    private static Path otherCa(Path dir) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("other-ca.p12");
        Path pem = dir.resolve("other-ca.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=another CA", "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
