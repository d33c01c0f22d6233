package io.cirstream.remote;

import io.cirstream.testkit.LoopbackServer;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code s3://} failures from a loopback HTTP server answering like S3 (error documents, a trickling body), and
 * URIs refused before any connection. Fetches from a real S3 server are in {@link S3FetchIntegrationTest}.
 */
class S3FetchTest {

    private static final int MAX_BYTES = 1000;
    /** Far above any answer's time, even the first in a loaded JVM: only the trickle may time out. */
    private static final Duration PATIENT = Duration.ofSeconds(30);

    @Test
    void throttlingServerErrorsAndSlowBodiesAreTransient() throws IOException {
        try (LoopbackServer fake = new LoopbackServer()
                .route("/gallery/slow-down", x -> s3Error(x, 503, "SlowDown"))
                .route("/gallery/internal", x -> s3Error(x, 500, "InternalError"))
                .route("/gallery/denied", x -> s3Error(x, 403, "AccessDenied"))
                .route("/gallery/trickle", S3FetchTest::trickle);
             RemoteImages images = open(Set.of(fake.hostPort()), fakeS3(fake), PATIENT);
             RemoteImages hurried = open(Set.of(fake.hostPort()), fakeS3(fake), Duration.ofSeconds(1))) {
            assertFails(images, "s3://gallery/slow-down", TransientFetchException.class, "throttled");
            assertFails(images, "s3://gallery/internal", TransientFetchException.class, "server_error");
            assertFails(images, "s3://gallery/denied", PermanentFetchException.class, "forbidden");
            assertFails(hurried, "s3://gallery/trickle", TransientFetchException.class, "timeout");
            assertThat(Thread.interrupted()).as("the time-out leaves the calling thread uninterrupted").isFalse();
        }
    }

    @Test
    void malformedUrisAndUnlistedEndpointsAreRefusedBeforeConnecting() {
        S3Settings unreachable = new S3Settings(Optional.of(URI.create("http://example.invalid:9000")), "us-east-1",
                true, Optional.of(new S3Settings.StaticCredentials("a", "b")));
        try (RemoteImages images = open(Set.of("127.0.0.1:9000"), unreachable, PATIENT)) {
            assertFails(images, "s3://gallery/a.jpg", PermanentFetchException.class, "host_not_allowed");
            for (String uri : new String[] {"s3://gallery", "s3://gallery/", "s3://Gallery/a.jpg",
                    "s3://gallery/a.jpg?versionId=1", "s3:gallery/a.jpg", "s3://user@gallery/a.jpg"}) {
                assertFails(images, uri, PermanentFetchException.class, "malformed_uri");
            }
        }
    }

    private static S3Settings fakeS3(LoopbackServer fake) {
        return new S3Settings(Optional.of(URI.create("http://" + fake.hostPort())), "us-east-1", true,
                Optional.of(new S3Settings.StaticCredentials("a", "b")));
    }

    private static RemoteImages open(Set<String> hosts, S3Settings settings, Duration timeout) {
        return RemoteImages.open(new RemoteImageConfig(hosts, Set.of("s3"), timeout, MAX_BYTES, 4,
                Duration.ofSeconds(1), settings, RetryPolicy.DEFAULT));
    }

    private static void assertFails(RemoteImages images, String uri, Class<? extends FetchException> kind, String code) {
        assertThatThrownBy(() -> images.fetch(URI.create(uri))).as(uri)
                .isInstanceOfSatisfying(kind, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private static void s3Error(HttpExchange exchange, int status, String code) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        LoopbackServer.send(exchange, status, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>test</Message><RequestId>1</RequestId></Error>").getBytes(StandardCharsets.UTF_8));
    }

    /** 400 bytes, one every 50 ms: 20 s in all, far past the one-second limit. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 400);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 400; i++) {
            out.write('x');
            out.flush();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
