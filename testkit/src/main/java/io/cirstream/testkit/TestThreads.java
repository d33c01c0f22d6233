package io.cirstream.testkit;

import java.time.Duration;

/** Joins that cannot hang a test: a thread that does not end in time is a failure, with its stack trace. */
public final class TestThreads {

    private TestThreads() {
    }

    /** Waits for {@code thread} to end; fails, showing where it is stuck, when it is still alive after {@code limit}. */
    public static void awaitEnd(Thread thread, Duration limit) throws InterruptedException {
        if (!thread.join(limit)) {
            AssertionError stuck = new AssertionError("thread " + thread.getName() + " did not end within "
                    + limit.toSeconds() + " s; it is at the stack trace below");
            stuck.setStackTrace(thread.getStackTrace());
            throw stuck;
        }
    }
}
