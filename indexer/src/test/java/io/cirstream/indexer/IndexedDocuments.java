package io.cirstream.indexer;

import io.cirstream.opensearch.OpenSearchClient;

import java.time.Duration;

/** Waits of the sink's integration tests on what reached OpenSearch. */
final class IndexedDocuments {
    private IndexedDocuments() {
    }

    /** Until document {@code id} is found through {@code alias}; fails the test after {@code limit}. */
    static void awaitFound(OpenSearchClient client, String alias, String id, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (client.send("GET", "/" + alias + "/_doc/" + id, null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("document " + id + " never indexed");
            }
            Thread.sleep(100);
        }
    }
}
