package io.cirstream.indexer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs one {@link VectorIndexer} on its own thread and stops it cleanly: the same lifecycle whether the indexer is
 * hosted by the embedder (local case) or runs alone ({@link IndexerService}).
 */
public final class IndexerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexerRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final VectorIndexer indexer;
    private final Thread thread;

    private IndexerRunner(VectorIndexer indexer, Consumer<Throwable> onFailure, String threadName) {
        this.indexer = indexer;
        this.thread = Thread.ofPlatform().name(threadName).unstarted(() -> {
            try {
                indexer.run();
            } catch (RuntimeException e) {
                LOG.error("OpenSearch sink failed; stopping", e);
                onFailure.accept(e);
            }
        });
    }

    /** Starts {@code indexer}; {@code onFailure} hears of a failure that stopped it. */
    public static IndexerRunner start(VectorIndexer indexer, Consumer<Throwable> onFailure, String threadName) {
        IndexerRunner runner = new IndexerRunner(indexer, onFailure, threadName);
        runner.thread.start();
        return runner;
    }

    public boolean running() {
        return thread.isAlive();
    }

    /** Lets the current bulk finish (or be re-read on restart) and waits, bounded, for the thread to end. */
    @Override
    public void close() {
        indexer.close();
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("OpenSearch sink did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
