package io.cirstream.ingest.source;

import io.cirstream.publisher.PublishResult;
import io.cirstream.publisher.RejectReason;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of an ingest run; {@link #exitCode()} is non-zero when anything was refused. Skipped entries
 * (hidden, not regular files, duplicate ids) are counted and listed too, but do not fail the run.
 */
public record IngestSummary(long accepted, List<PublishResult.Rejected> rejected, List<Skipped> skipped, long bytes,
                            Duration elapsed) {
    private static final int LISTED = 100;

    public IngestSummary {
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    public int exitCode() {
        return rejected.isEmpty() ? 0 : 1;
    }

    public Map<RejectReason, Long> rejectedByReason() {
        Map<RejectReason, Long> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(r.reason(), 1L, Long::sum));
        return counts;
    }

    public Map<Skipped.Reason, Long> skippedByReason() {
        Map<Skipped.Reason, Long> counts = new TreeMap<>();
        skipped.forEach(s -> counts.merge(s.reason(), 1L, Long::sum));
        return counts;
    }

    public void print(PrintStream out) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        out.printf("ingest: %d accepted, %d rejected, %d skipped, %.1f MB in %.1f s (%.1f images/s)%n", accepted,
                rejected.size(), skipped.size(), bytes / 1e6, seconds, accepted / seconds);
        list(out, "skipped", skippedByReason(),
                skipped.stream().map(k -> line(k.reason(), k.origin(), k.message())).toList());
        list(out, "rejected", rejectedByReason(),
                rejected.stream().map(r -> line(r.reason(), r.source(), r.message())).toList());
    }

    private static String line(Enum<?> reason, String origin, String message) {
        return String.format("  %-16s %s: %s", reason, origin, message);
    }

    /** The counts by reason, then the first {@link #LISTED} entries. */
    private static void list(PrintStream out, String what, Map<?, Long> byReason, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(what + " by reason: " + byReason);
        lines.stream().limit(LISTED).forEach(out::println);
        if (lines.size() > LISTED) {
            out.printf("  ... and %d more%n", lines.size() - LISTED);
        }
    }
}
