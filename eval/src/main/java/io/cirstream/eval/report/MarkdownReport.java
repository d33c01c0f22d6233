package io.cirstream.eval.report;

import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.metric.EvalReport;
import java.util.List;

/** Renders a report as Markdown: caveats first, then one table per section. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(EvalReport report, List<PublishedAnchor> published, String chartFileName) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.benchmark()).append(' ').append(report.split())
                .append(" — model pack ").append(report.modelPackId()).append("\n\n");
        for (String notice : ReportNotices.of(report)) {
            md.append("**Note: ").append(notice).append(".**\n\n");
        }
        md.append("Gallery: ").append(report.gallerySize()).append(" images. Metrics in percent. Created ")
                .append(report.createdAt()).append(".\n\n");
        appendTable(md, ReportTables.comparison(report, published));
        MetricTable perCategory = ReportTables.perCategory(report);
        if (!perCategory.rows().isEmpty()) {
            appendTable(md, perCategory);
        }
        appendTable(md, ReportTables.performance(report));
        md.append("![").append(report.benchmark()).append(" chart](").append(chartFileName).append(")\n");
        return md.toString();
    }

    private static void appendTable(StringBuilder md, MetricTable table) {
        md.append("## ").append(table.title()).append("\n\n");
        appendRow(md, table.header());
        md.append('|').append("---|".repeat(table.header().size())).append('\n');
        table.rows().forEach(row -> appendRow(md, row));
        md.append('\n');
    }

    private static void appendRow(StringBuilder md, List<String> cells) {
        md.append('|');
        cells.forEach(cell -> md.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        md.append('\n');
    }
}
