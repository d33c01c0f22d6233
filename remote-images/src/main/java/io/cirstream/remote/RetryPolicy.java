package io.cirstream.remote;

import java.time.Duration;

/**
 * How often and how patiently transient failures are retried: exponential back-off from
 * {@code initialBackoff}, doubling per retry up to {@code maxBackoff}, with "equal jitter" (a random point in
 * the upper half of the step) so that many images failing together do not retry in lock-step, yet never
 * retry at once.
 *
 * @param maxAttempts tries in all, the first included (1 = no retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
    }

    /**
     * The pause before retry number {@code retry} (1 for the pause after the first failure).
     *
     * @param unit a random number in [0, 1) choosing the point within the upper half of the step
     */
    public Duration backoff(int retry, double unit) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, got " + retry);
        }
        if (!(unit >= 0 && unit < 1)) {
            throw new IllegalArgumentException("unit must be in [0, 1), got " + unit);
        }
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        // Doubling stops as soon as it reaches the cap, so no shift can overflow.
        long step = initial;
        for (int i = 1; i < retry && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        step = Math.min(step, max);
        long half = step / 2;
        return Duration.ofNanos(step - half + (long) (half * unit));
    }
}
