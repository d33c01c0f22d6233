package io.cirstream.query.app;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The API's HTTP servers: {@code instances} servers on one port, each listening from its own event-loop context.
 * Vert.x shares the port between servers of one instance and hands each new connection to the next of them, so
 * HTTP parsing, JSON and the OpenSearch calls of a request run on one of several event loops instead of all on one.
 */
final class HttpServers implements AutoCloseable {

    private final List<HttpServer> servers;

    private HttpServers(List<HttpServer> servers) {
        this.servers = servers;
    }

    /** Blocks until every server listens; a configured port 0 becomes one free port shared by all. */
    static HttpServers start(Vertx vertx, int instances, HttpServerOptions options,
                             Supplier<Handler<HttpServerRequest>> handlers) {
        List<HttpServer> servers = new ArrayList<>(instances);
        try {
            HttpServerOptions shared = new HttpServerOptions(options);
            if (shared.getPort() == 0 && instances > 1) {
                // Port 0 binds each server to a port of its own; Vert.x shares one random port for a negative port.
                shared.setPort(-1);
            }
            for (int i = 0; i < instances; i++) {
                // Called from outside Vert.x, each listen() creates a new context on the next event loop.
                servers.add(vertx.createHttpServer(shared).requestHandler(handlers.get())
                        .listen().toCompletionStage().toCompletableFuture().join());
            }
            return new HttpServers(servers);
        } catch (RuntimeException e) {
            new HttpServers(servers).close();
            throw e;
        }
    }

    int port() {
        return servers.getFirst().actualPort();
    }

    @Override
    public void close() {
        Future.all(servers.stream().map(HttpServer::close).toList()).toCompletionStage().toCompletableFuture().join();
    }
}
