package io.cirstream.query.search;

import io.cirstream.opensearch.OpenSearchClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The search path over the shared {@link OpenSearchClient} adapter (its asynchronous JDK HTTP client). */
public final class JdkTransport implements OpenSearchTransport {

    private final OpenSearchClient client;

    public JdkTransport(OpenSearchClient client) {
        this.client = client;
    }

    @Override
    public Future<Reply> send(String method, String path, String body) {
        // Complete on the caller's event loop, not on the HTTP client's thread, so handlers stay single-threaded.
        Context context = Vertx.currentContext();
        var answer = client.sendAsync(method, path, body, "application/json")
                .thenApply(response -> new Reply(response.status(), response.body()));
        return context == null ? Future.fromCompletionStage(answer) : Future.fromCompletionStage(answer, context);
    }
}
