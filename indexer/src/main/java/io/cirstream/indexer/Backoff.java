package io.cirstream.indexer;

import java.time.Duration;

/** Exponential back-off with a ceiling: 100 ms, 200 ms, 400 ms, ... up to {@code max}; reset after a success. */
final class Backoff {
    private static final long INITIAL_MS = 100;
    private final long maxMs;
    private long nextMs = INITIAL_MS;

    Backoff(Duration max) {
        this.maxMs = Math.max(INITIAL_MS, max.toMillis());
    }

    Duration next() {
        long current = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return Duration.ofMillis(current);
    }

    void reset() {
        nextMs = INITIAL_MS;
    }
}
