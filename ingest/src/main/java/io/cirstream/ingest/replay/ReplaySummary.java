package io.cirstream.ingest.replay;

import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.publisher.PublishResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a replay published. {@link #exitCode()} is non-zero when a gallery image was refused; parse problems within
 * the bound are reported but do not fail a lenient run (beyond it, or with no image, the replay fails unpublished,
 * see {@link ReplayChecks}).
 *
 * @param problemsFile every problem and refused image, one a line; null when there was none
 */
public record ReplaySummary(String runId, ReplayReceipt receipt, List<PublishResult.Rejected> galleryRejected,
                            List<ParseProblem> problems, long galleryBytes, Duration elapsed, Path problemsFile) {
    private static final int LISTED = 50;

    public ReplaySummary {
        galleryRejected = List.copyOf(galleryRejected);
        problems = List.copyOf(problems);
    }

    public int exitCode() {
        return galleryRejected.isEmpty() ? 0 : 1;
    }

    public double eventsPerSecond() {
        return (receipt.galleryCount() + receipt.queryCount()) / seconds();
    }

    public double megabytesPerSecond() {
        return galleryBytes / 1e6 / seconds();
    }

    public void print(PrintStream out) {
        out.printf("replay %s (run %s): %d gallery images, %d queries, %d rejected, %d problems; %.1f MB in %.2f s "
                        + "(%.0f events/s, %.1f MB/s)%n", receipt.collection(), runId, receipt.galleryCount(),
                receipt.queryCount(), galleryRejected.size(), problems.size(), galleryBytes / 1e6, seconds(),
                eventsPerSecond(), megabytesPerSecond());
        problems.stream().limit(LISTED).forEach(p -> out.println("  problem: " + p));
        galleryRejected.stream().limit(LISTED).forEach(r -> out.println("  rejected: " + r.source() + ": " + r.describe()));
        long unlisted = Math.max(0, problems.size() - LISTED) + Math.max(0, galleryRejected.size() - LISTED);
        if (unlisted > 0) {
            out.printf("  ... and %d more%n", unlisted);
        }
        if (problemsFile != null) {
            out.println("  every problem: " + problemsFile);
        }
    }

    private double seconds() {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }
}
