package io.cirstream.remote;

import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code s3://} fetches against a real S3 server in this JVM on loopback (s3proxy). Tagged as an integration test
 * only because s3proxy takes several seconds to start; it needs neither Kafka nor OpenSearch.
 */
@IntegrationTest
class S3FetchIntegrationTest {

    private static final String BUCKET = "gallery";
    private static final byte[] IMAGE = "tile bytes".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BYTES = 1000;

    private static S3Server s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Server(BUCKET);
        s3.put(BUCKET, "tiles/a.jpg", IMAGE);
        s3.put(BUCKET, "dir/with space.jpg", IMAGE);
        s3.put(BUCKET, "big.bin", new byte[MAX_BYTES + 1]);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void storedObjectsArriveWhole() throws FetchException {
        try (RemoteImages images = open(Set.of(s3.hostPort()), s3.settings())) {
            assertThat(images.fetch(URI.create("s3://gallery/tiles/a.jpg"))).isEqualTo(IMAGE);
            assertThat(images.fetch(URI.create("s3://gallery/dir/with%20space.jpg"))).isEqualTo(IMAGE);
        }
    }

    @Test
    void missingKeysAndBucketsAreNotFound() {
        try (RemoteImages images = open(Set.of(s3.hostPort()), s3.settings())) {
            assertFails(images, "s3://gallery/tiles/missing.jpg", PermanentFetchException.class, "not_found");
            assertFails(images, "s3://no-such-bucket/a.jpg", PermanentFetchException.class, "not_found");
        }
    }

    @Test
    void objectsOverTheByteLimitAreRefused() {
        try (RemoteImages images = open(Set.of(s3.hostPort()), s3.settings())) {
            assertFails(images, "s3://gallery/big.bin", PermanentFetchException.class, "too_large");
        }
    }

    @Test
    void wrongKeysArePermanent() {
        S3Settings wrong = s3.settings(new S3Settings.StaticCredentials(S3Server.ACCESS_KEY, "not-the-secret"), true);
        try (RemoteImages images = open(Set.of(s3.hostPort()), wrong)) {
            assertFails(images, "s3://gallery/tiles/a.jpg", PermanentFetchException.class, "forbidden");
        }
    }

    @Test
    void theAllowListNamesTheHostActuallyContacted() {
        try (RemoteImages images = open(Set.of(), s3.settings())) {
            assertFails(images, "s3://gallery/tiles/a.jpg", PermanentFetchException.class, "host_not_allowed");
        }
        // Virtual-host style puts the bucket into the host name: that name, not the endpoint's, must be allowed.
        String localhost = "localhost:" + s3.endpoint().getPort();
        S3Settings virtualHosts = new S3Settings(Optional.of(URI.create("http://" + localhost)), "us-east-1", false,
                Optional.of(new S3Settings.StaticCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)));
        try (RemoteImages images = open(Set.of(localhost), virtualHosts)) {
            assertThatThrownBy(() -> images.fetch(URI.create("s3://gallery/tiles/a.jpg")))
                    .isInstanceOf(PermanentFetchException.class).hasMessageContaining("'gallery." + localhost + "'");
        }
    }

    @Test
    void aStoppedServerIsTransient() throws Exception {
        try (S3Server stopped = new S3Server(BUCKET)) {
            stopped.put(BUCKET, "a.jpg", IMAGE);
            try (RemoteImages images = open(Set.of(stopped.hostPort()), stopped.settings())) {
                assertThat(images.fetch(URI.create("s3://gallery/a.jpg"))).isEqualTo(IMAGE);
                stopped.stop();
                assertFails(images, "s3://gallery/a.jpg", TransientFetchException.class, "connect_failed");
            }
        }
    }

    private static RemoteImages open(Set<String> hosts, S3Settings settings) {
        return RemoteImages.open(new RemoteImageConfig(hosts, Set.of("s3"), Duration.ofSeconds(30), MAX_BYTES, 4,
                Duration.ofSeconds(1), settings, RetryPolicy.DEFAULT));
    }

    private static void assertFails(RemoteImages images, String uri, Class<? extends FetchException> kind, String code) {
        assertThatThrownBy(() -> images.fetch(URI.create(uri))).as(uri)
                .isInstanceOfSatisfying(kind, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
