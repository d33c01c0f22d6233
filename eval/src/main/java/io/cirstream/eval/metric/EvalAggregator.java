package io.cirstream.eval.metric;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@link EvalReport} from the per-query outcomes of each method. */
public final class EvalAggregator {

    private final Clock clock;

    public EvalAggregator(Clock clock) {
        this.clock = clock;
    }

    public EvalAggregator() {
        this(Clock.systemUTC());
    }

    public EvalReport aggregate(RunInfo info, List<MethodRun> runs) {
        Map<String, MethodResult> methods = new LinkedHashMap<>();
        for (MethodRun run : runs) {
            if (methods.containsKey(run.method())) {
                throw new IllegalArgumentException("method " + run.method() + " was run twice in one report");
            }
            methods.put(run.method(), result(info.benchmark(), run));
        }
        return new EvalReport(info.benchmark(), info.split(), info.modelPackId(), info.generatedModel(),
                info.gallerySize(), Instant.now(clock).toString(), methods, info.runId(), info.replayRun(),
                info.notes());
    }

    private static MethodResult result(BenchmarkProtocol benchmark, MethodRun run) {
        MetricSummary summary = MetricAggregator.aggregate(benchmark, run.queries());
        return new MethodResult(summary.metrics(), run.systemMetrics(), summary.scoredQueries(),
                summary.skippedQueries(), LatencySummary.of(run.queryLatencies()),
                run.wallTime().toNanos() / 1e9, run.failures());
    }
}
