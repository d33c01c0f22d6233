package io.cirstream.remote;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Runs a fetch, retrying {@link TransientFetchException}s with the {@link RetryPolicy}'s back-off; a
 * {@link PermanentFetchException} is thrown at once. When the attempts run out the last transient failure is
 * thrown (still transient: the caller keeps the image and tries later rather than dropping it).
 * The sleeping and the randomness are injected so the logic is tested without waiting.
 */
public final class Retrier {

    /** Waits between attempts; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper system() {
            return duration -> Thread.sleep(duration);
        }
    }

    /** One attempt of the work being retried. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws FetchException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier jitter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Real sleeping, thread-local randomness. */
    public static Retrier of(RetryPolicy policy) {
        return new Retrier(policy, Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T> T call(Attempt<T> attempt) throws FetchException {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (TransientFetchException e) {
                if (tried >= policy.maxAttempts()) {
                    throw new TransientFetchException(e.reason(),
                            "gave up after " + tried + " attempts: " + e.getMessage(), e);
                }
                pause(policy.backoff(tried, jitter.getAsDouble()), e);
            }
        }
    }

    private void pause(Duration backoff, TransientFetchException last) throws TransientFetchException {
        try {
            sleeper.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TransientFetchException interrupted = new TransientFetchException(FetchReason.INTERRUPTED,
                    "interrupted while waiting to retry: " + last.getMessage(), e);
            interrupted.addSuppressed(last);
            throw interrupted;
        }
    }
}
