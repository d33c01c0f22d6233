package io.cirstream.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * A table of already-formatted cells, shared by the Markdown and console renderers so both always
 * show the same rows and columns.
 */
public record MetricTable(String title, List<String> header, List<List<String>> rows) {

    /** Shown where a method or a paper has no value for a metric. */
    public static final String MISSING = "–";

    public MetricTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table '" + title + "' row has " + row.size()
                        + " cells for " + header.size() + " columns: " + row);
            }
        }
    }

    public static String percent(Double value) {
        return value == null ? MISSING : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
