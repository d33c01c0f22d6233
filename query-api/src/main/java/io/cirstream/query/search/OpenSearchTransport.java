package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;

/**
 * The query API's hot path to OpenSearch: one request body as a JSON tree, one parsed answer, completed on the
 * caller's Vert.x context. The tree, not its text, crosses this interface so that each transport picks the wire
 * format ({@link VertxTransport} sends CBOR, {@link JdkTransport} JSON). Kept this small so the search path can use a
 * lean non-blocking client while the {@code opensearch} module's adapter serves everything else (admin, bulk, tools).
 */
public interface OpenSearchTransport extends AutoCloseable {

    /** An HTTP answer; {@code body} is a missing node when OpenSearch sent none (HEAD) or nothing readable. */
    record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** {@code path} is absolute ({@code /alias/_search}), {@code body} the request's JSON tree or null. */
    Future<Reply> send(String method, String path, JsonNode body);

    @Override
    default void close() {
    }
}
