package io.cirstream.embedder.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in Prometheus text format, served by the JDK's HTTP server: the embedder has no web stack,
 * and one scrape every few seconds does not need one.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving, or returns empty when {@code port} is negative (disabled) or taken: metrics are not worth
     * refusing to embed, so a busy port is a warning, not a failure. Port 0 picks a free one.
     */
    public static Optional<MetricsEndpoint> start(String host, int port, PrometheusMeterRegistry registry) {
        if (port < 0) {
            return Optional.empty();
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> answer(exchange, registry));
            server.setExecutor(Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
                    .name("embedder-metrics-http").unstarted(r)));
            server.start();
            LOG.info("embedder metrics at http://{}:{}/metrics", host, server.getAddress().getPort());
            return Optional.of(new MetricsEndpoint(server));
        } catch (BindException e) {
            LOG.warn("embedder metrics endpoint not started: {}:{} is in use ({}); set embedder.metrics-port to a "
                    + "free port, 0 for any, or -1 to disable", host, port, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the metrics endpoint on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            boolean scrape = exchange.getRequestURI().getPath().equals("/metrics");
            boolean get = exchange.getRequestMethod().equals("GET");
            byte[] body = (!scrape ? "not found: the embedder serves only GET /metrics\n"
                    : get ? registry.scrape() : "method not allowed: use GET\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", scrape && get
                    ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(!scrape ? 404 : get ? 200 : 405, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
