package io.cirstream.indexer;

import java.util.concurrent.atomic.LongAdder;

/** The indexer's own counters, for an indexer that runs alone (the embedder counts them itself when it hosts one). */
public final class IndexerMetrics implements IndexerCounters {
    private final LongAdder indexed = new LongAdder();
    private final LongAdder versionConflicts = new LongAdder();
    private final LongAdder deadLetters = new LongAdder();

    @Override
    public void indexed(int documents, int conflicts) {
        indexed.add(documents);
        versionConflicts.add(conflicts);
    }

    @Override
    public void deadLetter() {
        deadLetters.increment();
    }

    public long indexed() {
        return indexed.sum();
    }

    public long versionConflicts() {
        return versionConflicts.sum();
    }

    public long deadLetters() {
        return deadLetters.sum();
    }
}
