package io.cirstream.tools.perf;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Warm-up by time rather than by a request count, reporting how busy the JIT still is. A CPU profile of {@code bench
 * query} after its old fixed warm-up (3,072 requests) still had the C2 compiler threads at 40 % of the process's CPU;
 * a {@code -XX:+PrintCompilation} log showed compilations falling from ~860/s to a flat tail of ~30–40/s about 15 s
 * into the load, and staying there (Netty, the JDK HTTP client, Kafka's clients: a large application's long tail).
 * So the warm-up runs rounds of load for at least a given time, and the compile share of its last round (the
 * {@link CompilationMXBean}'s time, summed over compiler threads, against the round's wall time) is printed beside
 * the figures: it is the background both sides of a ratio are then measured under.
 */
final class JitWarmUp {
    static final int MIN_ROUNDS = 4;

    /** A round of load; may be interrupted. */
    @FunctionalInterface
    interface Round {
        void run() throws InterruptedException;
    }

    /** How the warm-up went: rounds run, seconds taken, and the JIT's compile share of the last round. */
    record Result(int rounds, double seconds, double lastCompileShare) {
    }

    private final LongSupplier compileMillis;
    private final LongSupplier nanoTime;

    JitWarmUp(LongSupplier compileMillis, LongSupplier nanoTime) {
        this.compileMillis = compileMillis;
        this.nanoTime = nanoTime;
    }

    /** This JVM's compile time (0 where the JVM does not report it) and clock. */
    static JitWarmUp ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime : () -> 0L;
        return new JitWarmUp(compiled, System::nanoTime);
    }

    /** Runs {@code round} at least {@link #MIN_ROUNDS} times and until {@code atLeast} has passed. */
    Result run(Duration atLeast, Round round) throws InterruptedException {
        long start = nanoTime.getAsLong();
        long until = start + atLeast.toNanos();
        int rounds = 0;
        double share;
        do {
            long compiledBefore = compileMillis.getAsLong();
            long roundStart = nanoTime.getAsLong();
            round.run();
            double wallMillis = Math.max(1e-3, (nanoTime.getAsLong() - roundStart) / 1e6);
            share = (compileMillis.getAsLong() - compiledBefore) / wallMillis;
            rounds++;
        } while (rounds < MIN_ROUNDS || nanoTime.getAsLong() < until);
        return new Result(rounds, (nanoTime.getAsLong() - start) / 1e9, share);
    }
}
