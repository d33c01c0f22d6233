package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;

/**
 * The query API's hot path to OpenSearch: one JSON request, one parsed JSON answer, completed on the caller's
 * Vert.x context. Kept this small so the search path can use a lean non-blocking client ({@link VertxTransport})
 * while the {@code opensearch} module's adapter serves everything else (admin, bulk, tools).
 */
public interface OpenSearchTransport extends AutoCloseable {

    /** An HTTP answer; {@code body} is a missing node when OpenSearch sent none (HEAD) or no JSON. */
    record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** {@code path} is absolute ({@code /alias/_search}), {@code body} JSON or null. */
    Future<Reply> send(String method, String path, String body);

    @Override
    default void close() {
    }
}
