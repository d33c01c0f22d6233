package io.cirstream.ingest.publish;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcome of an ingest run; {@link #exitCode()} is non-zero when anything was refused. */
public record IngestSummary(long accepted, List<PublishResult.Rejected> rejected, long bytes, Duration elapsed) {
    private static final int LISTED = 100;

    public IngestSummary {
        rejected = List.copyOf(rejected);
    }

    public int exitCode() {
        return rejected.isEmpty() ? 0 : 1;
    }

    public Map<RejectReason, Long> rejectedByReason() {
        Map<RejectReason, Long> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(r.reason(), 1L, Long::sum));
        return counts;
    }

    public void print(PrintStream out) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        out.printf("ingest: %d accepted, %d rejected, %.1f MB in %.1f s (%.1f images/s)%n", accepted,
                rejected.size(), bytes / 1e6, seconds, accepted / seconds);
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
