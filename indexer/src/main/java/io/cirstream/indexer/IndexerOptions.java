package io.cirstream.indexer;

import java.time.Duration;

/**
 * How the sink batches and retries.
 *
 * @param groupId     consumer group on the vectors topic (one group per concrete index)
 * @param bulkDocs    most actions in one bulk request
 * @param bulkBytes   most NDJSON bytes in one bulk request
 * @param linger      longest a record waits before a partial bulk is sent
 * @param maxBackoff  ceiling of the exponential back-off between retries of a failing bulk
 * @param sessionTimeout how long a crashed sink holds its partitions before another takes over
 * @param instanceId     static group membership id ({@code group.instance.id}); empty for dynamic membership
 */
public record IndexerOptions(String groupId, int bulkDocs, long bulkBytes, Duration linger, Duration maxBackoff,
                             Duration sessionTimeout, String instanceId) {

    public IndexerOptions {
        if (bulkDocs < 1 || bulkBytes < 1) {
            throw new IllegalArgumentException("bulk limits must be positive, got docs=" + bulkDocs + ", bytes=" + bulkBytes);
        }
    }

    /** The same options with the concrete index appended to the group: each index tracks its own progress. */
    public IndexerOptions forIndex(String index) {
        return new IndexerOptions(groupId + "." + index, bulkDocs, bulkBytes, linger, maxBackoff, sessionTimeout,
                instanceId);
    }
}
