package io.cirstream.eval.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of evaluating several methods on one benchmark split with one model pack.
 *
 * @param benchmark       the protocol followed
 * @param split           the benchmark split
 * @param modelPackId     the embedder's model pack id
 * @param generatedModel  true when the pack is generated, not CLIP: numbers are then not comparable
 *                        to published ones
 * @param gallerySize     images in the searched gallery
 * @param createdAt       ISO-8601 instant the report was built
 * @param methods         results per method, in run order
 * @param runId           this evaluation's id (see {@link RunInfo#runId()})
 * @param replayRun       the replay whose queries were scored
 * @param notes           what the reader must know about this run
 */
public record EvalReport(BenchmarkProtocol benchmark, String split, String modelPackId, boolean generatedModel,
                         int gallerySize, String createdAt, Map<String, MethodResult> methods, String runId,
                         String replayRun, List<String> notes) {

    public static final String GENERATED_MODEL_NOTICE =
            "generated model (not CLIP): numbers are not comparable to published CLIP results";

    public EvalReport {
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
        runId = runId == null ? "" : runId;
        replayRun = replayRun == null ? "" : replayRun;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Queries the API did not answer, over all methods. */
    public int failedQueries() {
        return methods.values().stream().mapToInt(MethodResult::failedTotal).sum();
    }

    /** One line per method with failed queries: how many and why; empty when none failed. */
    public List<String> failureSummary() {
        return methods.entrySet().stream().filter(e -> e.getValue().failedTotal() > 0)
                .map(e -> e.getKey() + ": " + e.getValue().failedTotal() + " of " + e.getValue().scoredQueries()
                        + " queries failed " + e.getValue().failedQueries()).toList();
    }
}
