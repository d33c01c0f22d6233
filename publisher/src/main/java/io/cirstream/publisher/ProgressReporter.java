package io.cirstream.publisher;

import io.cirstream.publisher.PublishResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints "done/total, rate, ETA" while a long run proceeds: rewriting one line every second on a terminal,
 * or a plain line every {@code interval} when stderr goes to a log.
 */
final class ProgressReporter implements AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ScheduledExecutorService timer;

    ProgressReporter(PrintStream out, boolean terminal, long total, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ingest-progress");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = terminal ? 1000 : Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(this::print, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void record(PublishResult result) {
        done.incrementAndGet();
        if (result instanceof PublishResult.Accepted accepted) {
            bytes.addAndGet(accepted.bytes());
        } else {
            failed.incrementAndGet();
        }
    }

    String line() {
        long count = done.get();
        double seconds = Math.max(System.nanoTime() - startNanos, 1) / 1e9;
        double rate = count / seconds;
        String eta = rate > 0 ? formatSeconds((total - count) / rate) : "?";
        return String.format("%d/%d (%d rejected), %.1f images/s, %.1f MB/s, ETA %s", count, total, failed.get(),
                rate, bytes.get() / 1e6 / seconds, eta);
    }

    private void print() {
        if (terminal) {
            out.print("\r" + line() + "   ");
        } else {
            out.println(line());
        }
        out.flush();
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
