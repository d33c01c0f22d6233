package io.cirstream.embedder.stream;

import java.time.Duration;

/**
 * When a micro-batch is flushed: as soon as it holds {@code size} items, or when its oldest item has waited
 * {@code linger} (wall-clock time, so a quiet stream still gets its vectors).
 */
public record BatchPolicy(int size, Duration linger) {

    public BatchPolicy {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, was " + size);
        }
        if (linger.isNegative() || linger.isZero()) {
            throw new IllegalArgumentException("batch linger must be positive, was " + linger);
        }
    }

    /** How often the linger deadline is checked: often enough to overshoot it by at most a quarter. */
    Duration checkInterval() {
        return Duration.ofMillis(Math.max(1, linger.toMillis() / 4));
    }
}
