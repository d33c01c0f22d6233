package io.cirstream.infratests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling: the answer once {@code done} holds, or a failure naming what never happened and the last answer. */
final class Await {
    private Await() {
    }

    static <T> T until(Duration limit, String what, Supplier<T> probe, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e; // a node that is down refuses: keep asking until the limit
            }
            Thread.sleep(200);
        }
        AssertionError failure = new AssertionError(what + " did not happen within " + limit.toSeconds()
                + " s; last answer: " + last);
        if (lastError != null) {
            failure.addSuppressed(lastError);
        }
        throw failure;
    }
}
