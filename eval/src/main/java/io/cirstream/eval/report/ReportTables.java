package io.cirstream.eval.report;

import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.LatencySummary;
import io.cirstream.eval.metric.MethodResult;
import io.cirstream.eval.metric.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the tables of a report: our numbers beside published ones, per category, and timings. */
public final class ReportTables {

    private ReportTables() {
    }

    /** Our methods first, then the published rows for the same benchmark, over the headline metrics. */
    public static MetricTable comparison(EvalReport report, List<PublishedAnchor> published) {
        List<String> metrics = report.benchmark().metricNames();
        List<String> header = new ArrayList<>(List.of("source", "method", "model", "split"));
        header.addAll(metrics);
        String ourModel = report.modelPackId() + (report.generatedModel() ? " (generated)" : "");
        List<List<String>> rows = new ArrayList<>();
        report.methods().forEach((method, result) ->
                rows.add(row(List.of("ours", method, ourModel, report.split()), metrics, result.metrics())));
        for (PublishedAnchor anchor : published) {
            rows.add(row(List.of("published", anchor.method(), anchor.backbone(), anchor.split()),
                    metrics, anchor.metrics()));
        }
        return new MetricTable(report.benchmark() + " " + report.split() + ": ours and published", header, rows);
    }

    /** Per-category metrics (FashionIQ categories, PatternCom attributes); empty rows if there are none. */
    public static MetricTable perCategory(EvalReport report) {
        List<String> metrics = report.benchmark().metricNames();
        List<String> header = new ArrayList<>(List.of("method", "category"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        report.methods().forEach((method, result) -> {
            for (String category : categories(result.metrics())) {
                List<String> scoped = metrics.stream().map(m -> MetricNames.inCategory(category, m)).toList();
                List<String> row = new ArrayList<>(List.of(method, category));
                scoped.forEach(name -> row.add(MetricTable.percent(result.metrics().get(name))));
                rows.add(row);
            }
        });
        return new MetricTable(report.benchmark() + " " + report.split() + ": per category", header, rows);
    }

    /** Query counts, latency and system metrics (such as ANN recall) per method. */
    public static MetricTable performance(EvalReport report) {
        Set<String> systemMetrics = new LinkedHashSet<>();
        report.methods().values().forEach(result -> systemMetrics.addAll(result.systemMetrics().keySet()));
        List<String> header = new ArrayList<>(List.of("method", "queries", "skipped", "failed", "mean ms", "p50 ms",
                "p95 ms", "max ms", "wall s"));
        header.addAll(systemMetrics);
        List<List<String>> rows = new ArrayList<>();
        report.methods().forEach((method, result) -> rows.add(performanceRow(method, result, systemMetrics)));
        return new MetricTable(report.benchmark() + " " + report.split() + ": queries and timings", header, rows);
    }

    private static List<String> performanceRow(String method, MethodResult result, Set<String> systemMetrics) {
        LatencySummary latency = result.latency();
        List<String> row = new ArrayList<>(List.of(method, String.valueOf(result.scoredQueries()),
                String.valueOf(result.skippedQueries()), String.valueOf(result.failedTotal())));
        for (double ms : new double[] {latency.meanMs(), latency.p50Ms(), latency.p95Ms(), latency.maxMs()}) {
            row.add(latency.count() == 0 ? MetricTable.MISSING : MetricTable.number(ms, 2));
        }
        row.add(MetricTable.number(result.wallSeconds(), 1));
        systemMetrics.forEach(name -> row.add(MetricTable.percent(result.systemMetrics().get(name))));
        return row;
    }

    private static List<String> row(List<String> leading, List<String> metrics, Map<String, Double> values) {
        List<String> row = new ArrayList<>(leading);
        metrics.forEach(name -> row.add(MetricTable.percent(values.get(name))));
        return row;
    }

    private static Set<String> categories(Map<String, Double> metrics) {
        Set<String> categories = new LinkedHashSet<>();
        metrics.keySet().forEach(name -> MetricNames.categoryOf(name).ifPresent(categories::add));
        return categories;
    }
}
