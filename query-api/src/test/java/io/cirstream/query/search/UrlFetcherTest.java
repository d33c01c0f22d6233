package io.cirstream.query.search;

import com.sun.net.httpserver.HttpServer;
import io.cirstream.query.error.QueryError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks before any connection, and the bounds of a fetch against loopback servers. */
class UrlFetcherTest {
    private HttpServer server;
    private final CountDownLatch stop = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        stop.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void disabledByDefaultConfiguration() {
        UrlFetcher off = new UrlFetcher(new UrlFetcher.Policy(false, Set.of("localhost"), 1000, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> off.check(URI.create("http://localhost/a.png")))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("url_fetch_disabled"));
    }

    @Test
    void onlyAllowListedHttpHostsAndPorts() {
        UrlFetcher on = new UrlFetcher(new UrlFetcher.Policy(true, Set.of("LocalHost:8080", "images.example",
                "[::1]:9000"), 1000, Duration.ofSeconds(1)));
        assertThatCode(() -> on.check(URI.create("http://localhost:8080/a.png"))).doesNotThrowAnyException();
        assertThatCode(() -> on.check(URI.create("http://[::1]:9000/a.png"))).doesNotThrowAnyException();
        assertThatCode(() -> on.check(URI.create("http://images.example/a.png"))).doesNotThrowAnyException();
        assertThatCode(() -> on.check(URI.create("https://images.example:443/a.png"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> on.check(URI.create("http://localhost:8081/a.png"))).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> on.check(URI.create("http://localhost/a.png"))).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> on.check(URI.create("http://images.example:8080/a.png"))).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> on.check(URI.create("http://127.0.0.1:8080/a.png"))).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> on.check(URI.create("ftp://localhost:8080/a.png"))).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> on.check(URI.create("file:///etc/passwd"))).hasMessageContaining("only http and https");
    }

    @Test
    void aBodyTricklingInIsCutAtTheTimeLimit() throws Exception {
        int port = serve(exchange -> {
            exchange.sendResponseHeaders(200, 600);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 600 && !stop.await(1, TimeUnit.SECONDS); i++) {
                    out.write('x');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        UrlFetcher fetcher = fetcher(port, 1_000_000, Duration.ofMillis(1500));
        // Bounded wait far beyond the limit, far below the 600 s the trickle would take.
        CompletableFuture<byte[]> fetch = CompletableFuture.supplyAsync(() -> fetcher.fetch(url(port)));
        assertThatThrownBy(() -> fetch.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(QueryError.class, e -> {
                    assertThat(e.code()).isEqualTo("url_fetch_failed");
                    assertThat(e.getMessage()).contains("longer than 1500 ms");
                });
    }

    @Test
    void aBodyOverTheByteLimitIsRefusedWhileItArrives() throws Exception {
        int port = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100_000 && stop.getCount() > 0; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up once past its limit: what this test wants
            }
        });
        UrlFetcher fetcher = fetcher(port, 100_000, Duration.ofSeconds(30));
        assertThatThrownBy(() -> fetcher.fetch(url(port)))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("image_too_large"));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        int port = serve(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> fetcher(port, 1000, Duration.ofSeconds(10)).fetch(url(port)))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.getMessage()).contains("HTTP 302"));
    }

    @Test
    void aSmallImageIsFetched() throws Exception {
        int port = serve(exchange -> {
            exchange.sendResponseHeaders(200, 3);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[]{1, 2, 3});
            }
        });
        assertThat(fetcher(port, 3, Duration.ofSeconds(10)).fetch(url(port))).containsExactly(1, 2, 3);
    }

    private int serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/img", handler);
        server.start();
        return server.getAddress().getPort();
    }

    private static UrlFetcher fetcher(int port, long maxBytes, Duration timeout) {
        return new UrlFetcher(new UrlFetcher.Policy(true, Set.of("127.0.0.1:" + port), maxBytes, timeout));
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port + "/img");
    }
}
