package io.cirstream.eval.report;

import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.metric.EvalReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Renders a report as aligned plain-text tables for a terminal. */
public final class ConsoleReport {

    private static final String GAP = "  ";

    private ConsoleReport() {
    }

    public static String render(EvalReport report, List<PublishedAnchor> published) {
        StringBuilder out = new StringBuilder();
        out.append(report.benchmark()).append(' ').append(report.split()).append(" | model pack ")
                .append(report.modelPackId()).append(" | gallery ").append(report.gallerySize())
                .append(" | metrics in percent\n");
        ReportNotices.of(report).forEach(notice -> out.append("NOTE: ").append(notice).append('\n'));
        appendTable(out, ReportTables.comparison(report, published));
        MetricTable perCategory = ReportTables.perCategory(report);
        if (!perCategory.rows().isEmpty()) {
            appendTable(out, perCategory);
        }
        appendTable(out, ReportTables.performance(report));
        return out.toString();
    }

    private static void appendTable(StringBuilder out, MetricTable table) {
        int[] widths = new int[table.header().size()];
        for (List<String> row : allRows(table)) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.append('\n').append(table.title()).append('\n');
        appendRow(out, table.header(), widths);
        int total = Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1);
        out.append("-".repeat(total)).append('\n');
        table.rows().forEach(row -> appendRow(out, row, widths));
    }

    private static List<List<String>> allRows(MetricTable table) {
        List<List<String>> rows = new ArrayList<>(table.rows());
        rows.add(table.header());
        return rows;
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            line.append(String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
