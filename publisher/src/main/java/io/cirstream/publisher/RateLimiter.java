package io.cirstream.publisher;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces callers to at most {@code perSecond} permits per second by spacing them evenly; no bursts, which
 * is what a replay that imitates a steady camera feed wants.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private long next;

    /** @param perSecond permits per second; 0 means unlimited */
    public RateLimiter(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0, got " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
        this.next = System.nanoTime();
    }

    public synchronized void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long remaining;
        while ((remaining = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
        // A caller that fell behind does not earn a burst later.
        next = Math.max(next, System.nanoTime()) + intervalNanos;
    }
}
