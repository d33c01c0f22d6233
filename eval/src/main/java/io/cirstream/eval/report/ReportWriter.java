package io.cirstream.eval.report;

import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.anchor.PublishedAnchors;
import io.cirstream.eval.metric.EvalReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes every rendering of a report into one directory, beside the published anchors. Each run's files carry
 * its run id, so a second run never overwrites the first, and a {@code -latest} copy of each is kept beside them.
 */
public final class ReportWriter {
    static final String LATEST = "latest";

    private final PublishedAnchors anchors;

    public ReportWriter(PublishedAnchors anchors) {
        this.anchors = anchors;
    }

    /**
     * Where the files of one report went.
     *
     * @param rankings the per-query rankings ({@code .rankings.jsonl}), written by the runner into this path
     */
    public record ReportFiles(Path json, Path markdown, Path chart, Path rankings) {

        /** The same files under another base name (in the same directory). */
        ReportFiles renamed(String base) {
            Path dir = json.toAbsolutePath().getParent();
            return of(dir, base);
        }

        static ReportFiles of(Path directory, String base) {
            return new ReportFiles(directory.resolve(base + ".json"), directory.resolve(base + ".md"),
                    directory.resolve(base + ".png"), directory.resolve(base + ".rankings.jsonl"));
        }
    }

    /** The file names of a report: {@code <benchmark>-<split>-<pack>[-<run id>]}. */
    public ReportFiles files(EvalReport report, Path directory) {
        String run = report.runId().isEmpty() ? "" : "-" + report.runId();
        return ReportFiles.of(directory, baseName(report) + run);
    }

    /**
     * Writes the JSON, Markdown and PNG renderings into {@code directory}, creating it if needed. The rankings
     * file is the runner's: write it to {@link ReportFiles#rankings()} first, and {@link #keepLatest} copies it too.
     */
    public ReportFiles write(EvalReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        ReportFiles files = files(report, directory);
        render(report, files);
        return files;
    }

    /**
     * Copies a written report to {@code <benchmark>-<split>-<pack>-latest.*} (the Markdown re-rendered so that it
     * shows the latest chart); returns the copies.
     */
    public ReportFiles keepLatest(EvalReport report, ReportFiles written) throws IOException {
        ReportFiles latest = written.renamed(baseName(report) + "-" + LATEST);
        render(report, latest);
        if (Files.isRegularFile(written.rankings())) {
            Files.copy(written.rankings(), latest.rankings(), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(latest.rankings());
        }
        return latest;
    }

    private void render(EvalReport report, ReportFiles files) throws IOException {
        List<PublishedAnchor> published = anchors.forBenchmark(report.benchmark());
        JsonReport.of(report, published).write(files.json());
        Files.writeString(files.markdown(),
                MarkdownReport.render(report, published, files.chart().getFileName().toString()));
        RecallChart.write(report, files.chart());
    }

    /** The console rendering, for a runner to print once it has finished. */
    public String console(EvalReport report) {
        return ConsoleReport.render(report, anchors.forBenchmark(report.benchmark()));
    }

    private static String baseName(EvalReport report) {
        String name = report.benchmark() + "-" + report.split() + "-" + report.modelPackId();
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }
}
