package io.cirstream.eval.live;

import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.report.ReportWriter;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an evaluation produced.
 *
 * @param stages time spent per stage, in order: {@code receipt} (waiting for the replay's receipt and reading
 *               the queries), {@code index wait}, {@code eval} (searches, exact search, metrics)
 */
public record LiveEvalResult(EvalReport report, ReportWriter.ReportFiles files, Map<String, Duration> stages) {

    public LiveEvalResult {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }
}
