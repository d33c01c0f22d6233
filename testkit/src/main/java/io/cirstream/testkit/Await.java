package io.cirstream.testkit;

import java.time.Duration;

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

    /** Returns once {@code condition} holds; throws {@link AssertionError} naming {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, Condition condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gave up after " + limit.toSeconds() + " s waiting for " + what);
                }
                Thread.sleep(POLL);
            }
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
