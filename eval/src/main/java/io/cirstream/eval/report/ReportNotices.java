package io.cirstream.eval.report;

import io.cirstream.eval.metric.EvalReport;
import java.util.ArrayList;
import java.util.List;

/** The caveats every rendering of a report carries, worded once. */
public final class ReportNotices {

    static final String PUBLISHED_ROWS =
            "rows marked 'published' are numbers from papers (backbone and split as shown), not from this run";

    private ReportNotices() {
    }

    public static List<String> of(EvalReport report) {
        List<String> notices = new ArrayList<>();
        if (report.generatedModel()) {
            notices.add(EvalReport.GENERATED_MODEL_NOTICE);
        }
        notices.addAll(report.notes());
        report.methods().forEach((method, result) -> {
            if (result.failedTotal() > 0) {
                notices.add(method + ": " + result.failedTotal() + " queries got no answer from the query API and "
                        + "count as misses (per reason: " + result.failedQueries() + ")");
            }
        });
        notices.add(PUBLISHED_ROWS);
        return List.copyOf(notices);
    }
}
