package io.cirstream.remote;

import io.cirstream.testkit.LoopbackServer;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain http fetches against a real server on loopback: answers, limits, allow-list and retries. */
class HttpFetchTest {

    private static final byte[] IMAGE = "not really a jpeg, but bytes".getBytes();
    private static final int MAX_BYTES = 1000;
    /** Far above any answer's time, even the first in a loaded JVM: only the slow body may time out. */
    private static final Duration PATIENT = Duration.ofSeconds(30);

    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private LoopbackServer server;
    private RemoteImages images;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer()
                .route("/ok", x -> LoopbackServer.send(x, 200, IMAGE))
                .route("/missing", x -> LoopbackServer.send(x, 404, new byte[0]))
                .route("/forbidden", x -> LoopbackServer.send(x, 403, new byte[0]))
                .route("/throttled", x -> LoopbackServer.send(x, 429, new byte[0]))
                .route("/unavailable", x -> LoopbackServer.send(x, 503, new byte[0]))
                .route("/flaky", x -> LoopbackServer.send(x, flakyCalls.incrementAndGet() <= 2 ? 503 : 200, IMAGE))
                .route("/redirect-here", x -> redirect(x, "/ok"))
                .route("/redirect-away", x -> redirect(x, "http://127.0.0.1:1/ok"))
                .route("/slow", x -> drip(x, 400, 50))
                .route("/declared-huge", x -> stream(x, 10L * MAX_BYTES, 10L * MAX_BYTES))
                .route("/chunked-huge", x -> stream(x, 0, 10L * MAX_BYTES))
                .route("/exactly-max", x -> LoopbackServer.send(x, 200, new byte[MAX_BYTES]))
                .route("/hold", x -> {
                    holding.countDown();
                    await(release);
                    LoopbackServer.send(x, 200, IMAGE);
                });
        images = open(Set.of(server.hostPort()), PATIENT, 1);
    }

    @AfterEach
    void stop() {
        release.countDown();
        images.close();
        server.close();
    }

    @Test
    void anAllowedImageArrivesWhole() throws FetchException {
        assertThat(images.fetch(server.uri("/ok"))).isEqualTo(IMAGE);
        assertThat(images.fetch(server.uri("/exactly-max"))).hasSize(MAX_BYTES);
    }

    @Test
    void answersAreClassifiedTransientOrPermanent() {
        assertFails("/missing", PermanentFetchException.class, "not_found");
        assertFails("/forbidden", PermanentFetchException.class, "forbidden");
        assertFails("/throttled", TransientFetchException.class, "throttled");
        assertFails("/unavailable", TransientFetchException.class, "server_error");
    }

    @Test
    void redirectsAreNotFollowedEvenToTheSameServer() {
        assertFails("/redirect-here", PermanentFetchException.class, "redirected");
        assertThatThrownBy(() -> images.fetch(server.uri("/redirect-away")))
                .hasMessageContaining("127.0.0.1:1/ok").hasMessageContaining("not followed");
    }

    @Test
    void aBodyTricklingPastTheTimeLimitIsCut() {
        try (RemoteImages hurried = open(Set.of(server.hostPort()), Duration.ofSeconds(1), 1)) {
            assertThatThrownBy(() -> hurried.fetch(server.uri("/slow"))).isInstanceOfSatisfying(
                    TransientFetchException.class, e -> assertThat(e.code()).isEqualTo("timeout"));
        }
    }

    @Test
    void bodiesOverTheByteLimitAreRefusedWhetherDeclaredOrNot() {
        assertFails("/declared-huge", PermanentFetchException.class, "too_large");
        assertFails("/chunked-huge", PermanentFetchException.class, "too_large");
    }

    @Test
    void hostsAndPortsOffTheAllowListAreRefusedBeforeConnecting() {
        assertRefused(URI.create("http://example.invalid/cat.jpg"), "host_not_allowed");
        assertRefused(URI.create("http://127.0.0.1:1/ok"), "host_not_allowed");
        assertRefused(URI.create("http://localhost:" + server.port() + "/ok"), "host_not_allowed");
        assertRefused(URI.create("https://127.0.0.1/ok"), "host_not_allowed");
        try (RemoteImages none = open(Set.of(), PATIENT, 1)) {
            assertThatThrownBy(() -> none.fetch(server.uri("/ok"))).isInstanceOfSatisfying(
                    PermanentFetchException.class, e -> assertThat(e.code()).isEqualTo("host_not_allowed"));
        }
    }

    @Test
    void aBareHostAllowsOnlyTheDefaultPort() {
        try (RemoteImages bare = open(Set.of("127.0.0.1"), PATIENT, 1)) {
            assertThatThrownBy(() -> bare.fetch(server.uri("/ok"))).isInstanceOfSatisfying(
                    PermanentFetchException.class, e -> assertThat(e.code()).isEqualTo("host_not_allowed"));
        }
    }

    @Test
    void schemesAndMalformedUrisArePermanent() {
        assertRefused(URI.create("ftp://" + server.hostPort() + "/ok"), "scheme_not_allowed");
        assertRefused(URI.create("file:///etc/passwd"), "scheme_not_allowed");
        assertRefused(URI.create("http:///no-host"), "malformed_uri");
        assertThat(images.supports(URI.create("HTTPS://cdn.example.com/a.jpg"))).isTrue();
        assertThat(images.supports(URI.create("s3://bucket/a.jpg"))).isTrue();
        assertThat(images.supports(URI.create("file:///a.jpg"))).isFalse();
        assertThat(images.supports(URI.create("a.jpg"))).isFalse();
    }

    @Test
    void aRefusedConnectionIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RemoteImages toClosed = open(Set.of("127.0.0.1:" + closedPort), PATIENT, 1)) {
            assertThatThrownBy(() -> toClosed.fetch(URI.create("http://127.0.0.1:" + closedPort + "/ok")))
                    .isInstanceOfSatisfying(TransientFetchException.class,
                            e -> assertThat(e.code()).isEqualTo("connect_failed"));
        }
    }

    @Test
    void aHostWithNoFreeTurnFailsTransientlyAfterTheWaitBound() throws Exception {
        CompletableFuture<byte[]> held = CompletableFuture.supplyAsync(() -> {
            try {
                return images.fetch(server.uri("/hold"));
            } catch (FetchException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        assertFails("/ok", TransientFetchException.class, "host_busy");
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo(IMAGE);
        assertThat(images.fetch(server.uri("/ok"))).isEqualTo(IMAGE);
    }

    @Test
    void aServerFailingTwiceThenAnsweringIsRecoveredByTheRetrier() throws FetchException {
        Retrier retrier = new Retrier(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                Retrier.Sleeper.system(), () -> 0.5);
        assertThat(retrier.call(() -> images.fetch(server.uri("/flaky")))).isEqualTo(IMAGE);
        assertThat(flakyCalls).hasValue(3);
    }

    private RemoteImages open(Set<String> hosts, Duration timeout, int perHost) {
        return RemoteImages.open(new RemoteImageConfig(hosts, Set.of("http", "https", "s3"), timeout, MAX_BYTES,
                perHost, Duration.ofMillis(200), S3Settings.DEFAULT, RetryPolicy.DEFAULT));
    }

    private void assertFails(String path, Class<? extends FetchException> kind, String code) {
        assertThatThrownBy(() -> images.fetch(server.uri(path)))
                .isInstanceOfSatisfying(kind, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private void assertRefused(URI uri, String code) {
        assertThatThrownBy(() -> images.fetch(uri)).isInstanceOfSatisfying(PermanentFetchException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        LoopbackServer.send(exchange, 302, new byte[0]);
    }

    /** {@code bytes} bytes one at a time, {@code gapMillis} apart: far longer in all than the time limit. */
    private static void drip(HttpExchange exchange, int bytes, long gapMillis) throws IOException {
        exchange.sendResponseHeaders(200, bytes);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < bytes; i++) {
            out.write('x');
            out.flush();
            sleep(gapMillis);
        }
    }

    /** {@code total} bytes in 4 KiB chunks, with {@code declared} as Content-Length (0: chunked, no length). */
    private static void stream(HttpExchange exchange, long declared, long total) throws IOException {
        exchange.sendResponseHeaders(200, declared);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[4096];
        for (long sent = 0; sent < total; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, total - sent));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
