package io.cirstream.testkit;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits of the integration tests on something another process or thread makes true (a document indexed, a feed
 * positioned, an offset committed): polled, never slept for a guessed time, and failing the test with what was
 * awaited once the limit passes. The limit only bounds a failing test; a passing one goes on as soon as it holds.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** A check that may call a client which throws; an exception from it fails the test at once. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A read of the awaited state that may call a client which throws; an exception fails the test at once. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws Exception;
    }

    /** Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, Condition condition) {
        poll(what, limit, condition::holds, Boolean::booleanValue, false);
    }

    /**
     * Reads until {@code done} holds for what was read and returns that reading, for a test that goes on to check
     * it; after {@code limit} the {@link AssertionError} names {@code what} and the last reading.
     */
    public static <T> T until(String what, Duration limit, Reading<T> read, Predicate<? super T> done) {
        return poll(what, limit, read, done, true);
    }

    private static <T> T poll(String what, Duration limit, Reading<T> read, Predicate<? super T> done,
                              boolean showLast) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            T last = read.read();
            while (!done.test(last)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gave up after " + limit.toSeconds() + " s waiting for " + what
                            + (showLast ? "; last read: " + last : ""));
                }
                Thread.sleep(POLL);
                last = read.read();
            }
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("checking for " + what + " failed: " + e.getMessage(), e);
        }
    }
}
