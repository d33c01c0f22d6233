package io.cirstream.embedder.stream;

import io.cirstream.indexer.IndexerCounters;

import java.util.concurrent.atomic.LongAdder;

/**
 * The embedder's own counters, shared by all stream threads and the sink; Kafka Streams' built-in metrics
 * (JMX {@code kafka.streams:*}) cover the rest. {@link #summary} turns two snapshots into the periodic log line.
 */
public final class EmbedderMetrics implements IndexerCounters {
    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder vectorsOut = new LongAdder();
    private final LongAdder tombstones = new LongAdder();
    private final LongAdder deadLetters = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedItems = new LongAdder();
    private final LongAdder encodeNanos = new LongAdder();
    private final LongAdder indexed = new LongAdder();
    private final LongAdder versionConflicts = new LongAdder();

    /** A point-in-time copy of every counter. */
    public record Snapshot(long atNanos, long recordsIn, long vectorsOut, long tombstones, long deadLetters,
                           long batches, long batchedItems, long encodeNanos, long indexed, long versionConflicts) {
    }

    public void recordIn() {
        recordsIn.increment();
    }

    public void tombstone() {
        tombstones.increment();
    }

    @Override
    public void deadLetter() {
        deadLetters.increment();
    }

    public void batch(int items, int vectors, long nanos) {
        batches.increment();
        batchedItems.add(items);
        vectorsOut.add(vectors);
        encodeNanos.add(nanos);
    }

    @Override
    public void indexed(int documents, int conflicts) {
        indexed.add(documents);
        versionConflicts.add(conflicts);
    }

    public Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), recordsIn.sum(), vectorsOut.sum(), tombstones.sum(), deadLetters.sum(),
                batches.sum(), batchedItems.sum(), encodeNanos.sum(), indexed.sum(), versionConflicts.sum());
    }

    /** One line over the interval between two snapshots; batch fill is relative to the configured batch size. */
    public static String summary(Snapshot from, Snapshot to, int batchSize) {
        double seconds = Math.max(1e-9, (to.atNanos() - from.atNanos()) / 1e9);
        long batches = to.batches() - from.batches();
        long items = to.batchedItems() - from.batchedItems();
        double fill = batches == 0 ? 0 : (double) items / batches / batchSize;
        double encodeMs = batches == 0 ? 0 : (to.encodeNanos() - from.encodeNanos()) / 1e6 / batches;
        return String.format("embedder: %.1f records/s in, %.1f vectors/s, %d batches (fill %.0f%%, encode %.1f ms/batch),"
                        + " %d tombstones, %d dead letters, %.1f docs/s indexed (%d version conflicts) [totals: %d in, %d dlq]",
                (to.recordsIn() - from.recordsIn()) / seconds, (to.vectorsOut() - from.vectorsOut()) / seconds,
                batches, fill * 100, encodeMs, to.tombstones() - from.tombstones(),
                to.deadLetters() - from.deadLetters(), (to.indexed() - from.indexed()) / seconds,
                to.versionConflicts() - from.versionConflicts(), to.recordsIn(), to.deadLetters());
    }
}
