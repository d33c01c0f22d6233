package io.cirstream.eval.report;

import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.anchor.PublishedAnchors;
import io.cirstream.eval.metric.EvalReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes every rendering of a report into one directory, beside the published anchors. */
public final class ReportWriter {

    private final PublishedAnchors anchors;

    public ReportWriter(PublishedAnchors anchors) {
        this.anchors = anchors;
    }

    /** Where the files of one report went. */
    public record ReportFiles(Path json, Path markdown, Path chart) {
    }

    /**
     * Writes {@code <benchmark>-<split>.json}, {@code .md} and {@code .png} into {@code directory},
     * creating it if needed.
     */
    public ReportFiles write(EvalReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = baseName(report);
        ReportFiles files = new ReportFiles(directory.resolve(base + ".json"), directory.resolve(base + ".md"),
                directory.resolve(base + ".png"));
        List<PublishedAnchor> published = anchors.forBenchmark(report.benchmark());
        JsonReport.of(report, published).write(files.json());
        Files.writeString(files.markdown(),
                MarkdownReport.render(report, published, files.chart().getFileName().toString()));
        RecallChart.write(report, files.chart());
        return files;
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
