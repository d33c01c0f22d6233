package io.cirstream.ingest.replay;

import io.cirstream.publisher.PublishResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay must have found before it publishes a receipt: at least one gallery image, and no more problems
 * than its bound allows. Every problem goes to one file (its path is in every message), because a real benchmark
 * with wrong paths has thousands and the console shows only the first few.
 */
final class ReplayChecks {
    private final String collection;
    private final String expectedImages;
    private final ProblemBound bound;
    private final Path problemsFile;

    ReplayChecks(String collection, String expectedImages, ProblemBound bound, Path problemsFile) {
        this.collection = collection;
        this.expectedImages = expectedImages;
        this.bound = bound;
        this.problemsFile = problemsFile;
    }

    Path problemsFile() {
        return problemsFile;
    }

    /**
     * Checks a parse, before anything is published.
     *
     * @param parsed the whole split as read (before {@code --limit}), which the bound is measured against
     * @param kept   what will be published
     */
    void beforePublishing(BenchmarkData parsed, BenchmarkData kept) {
        List<String> lines = problemLines(parsed.problems(), List.of());
        if (kept.gallery().isEmpty()) {
            throw failure(lines, "found no gallery image: expected " + expectedImages);
        }
        requireWithinBound(lines, entriesRead(parsed));
    }

    /** Checks again once Kafka and the publisher have answered: refused images count as problems too. */
    void afterGallery(BenchmarkData parsed, long accepted, List<PublishResult.Rejected> rejected) {
        List<String> lines = problemLines(parsed.problems(), rejected);
        if (accepted == 0) {
            throw failure(lines, "published no gallery image: all " + rejected.size() + " were refused");
        }
        requireWithinBound(lines, entriesRead(parsed));
    }

    /** What the bound is measured against: every entry read, good or not. */
    private static long entriesRead(BenchmarkData parsed) {
        return (long) parsed.gallery().size() + parsed.queries().size() + parsed.problems().size();
    }

    /** Writes every problem and refused image, one a line; returns the file, or null when there was none. */
    Path write(List<ParseProblem> problems, List<PublishResult.Rejected> rejected) {
        List<String> lines = problemLines(problems, rejected);
        return lines.isEmpty() ? null : write(lines);
    }

    private void requireWithinBound(List<String> lines, long entries) {
        long allowed = bound.allowed(entries);
        if (lines.size() > allowed) {
            throw failure(lines, "met " + lines.size() + " problems among " + entries + " entries read, more than "
                    + "--max-problems " + bound + " allows (" + allowed + "). Images are expected as "
                    + expectedImages + "; fix the paths or raise --max-problems");
        }
    }

    private ReplayFailedException failure(List<String> lines, String what) {
        String listing = lines.isEmpty() ? "" : " " + lines.size() + " problems, the first: " + lines.getFirst()
                + "; every problem is listed in " + write(lines) + ".";
        return new ReplayFailedException("replay " + collection + " " + what + "." + listing
                + " No receipt was written, so eval still sees the previous complete replay of this split.");
    }

    private static List<String> problemLines(List<ParseProblem> problems, List<PublishResult.Rejected> rejected) {
        List<String> lines = new ArrayList<>(problems.size() + rejected.size());
        problems.forEach(p -> lines.add("problem: " + p));
        rejected.forEach(r -> lines.add("rejected: " + r.source() + ": " + r.describe()));
        return lines;
    }

    private Path write(List<String> lines) {
        try {
            Files.createDirectories(problemsFile.toAbsolutePath().getParent());
            return Files.write(problemsFile, lines, StandardCharsets.UTF_8).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay's problems to " + problemsFile, e);
        }
    }
}
