package io.cirstream.ingest.publish;

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
        if (!skipped.isEmpty()) {
            out.println("skipped by reason: " + skippedByReason());
            skipped.stream().limit(LISTED).forEach(s -> out.printf("  %-16s %s: %s%n", s.reason(), s.origin(),
                    s.message()));
            if (skipped.size() > LISTED) {
                out.printf("  ... and %d more%n", skipped.size() - LISTED);
            }
        }
        if (rejected.isEmpty()) {
            return;
        }
        out.println("rejected by reason: " + rejectedByReason());
        rejected.stream().limit(LISTED).forEach(r -> out.printf("  %-16s %s: %s%n", r.reason(), r.source(), r.message()));
        if (rejected.size() > LISTED) {
            out.printf("  ... and %d more%n", rejected.size() - LISTED);
        }
    }
}
