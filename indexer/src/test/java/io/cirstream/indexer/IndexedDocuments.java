package io.cirstream.indexer;

import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.Await;

import java.time.Duration;

/** Waits of the sink's integration tests on what reached OpenSearch. */
final class IndexedDocuments {
    private IndexedDocuments() {
    }

    /** Until document {@code id} is found through {@code alias}; fails the test after {@code limit}. */
    static void awaitFound(OpenSearchClient client, String alias, String id, Duration limit) {
        Await.until("document " + id + " indexed", limit,
                () -> client.send("GET", "/" + alias + "/_doc/" + id, null).status() == 200);
    }
}
