package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.opensearch.OpenSearchClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The search path over the shared {@link OpenSearchClient} adapter (its asynchronous JDK HTTP client), in JSON: the
 * choice ({@code query.opensearch.transport=jdk}) for a proxy in front of OpenSearch that passes JSON only.
 */
public final class JdkTransport implements OpenSearchTransport {

    private final OpenSearchClient client;

    public JdkTransport(OpenSearchClient client) {
        this.client = client;
    }

    @Override
    public Future<Reply> send(String method, String path, JsonNode body) {
        // Complete on the caller's event loop, not on the HTTP client's thread, so handlers stay single-threaded.
        Context context = Vertx.currentContext();
        var answer = client.sendAsync(method, path, body == null ? null : body.toString(), "application/json")
                .thenApply(response -> new Reply(response.status(), response.body()));
        return context == null ? Future.fromCompletionStage(answer) : Future.fromCompletionStage(answer, context);
    }
}
