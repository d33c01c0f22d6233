package io.cirstream.eval.metric;

import java.util.List;
import java.util.Objects;

/**
 * What was evaluated.
 *
 * @param benchmark       the protocol the numbers follow
 * @param split           the benchmark split ({@code val}, {@code test1}, ...)
 * @param modelPackId     the embedder's model pack id
 * @param generatedModel  true for a generated (not CLIP) model pack, whose numbers are not comparable
 *                        to published results
 * @param gallerySize     images in the searched gallery
 * @param runId           this evaluation's id, in its report file names; empty when not named
 * @param replayRun       the id of the replay whose queries were scored; empty when the replay named none
 * @param notes           what the reader must know about this run (hidden labels, a gallery holding more than
 *                        the replay published, ...), in every rendering
 */
public record RunInfo(BenchmarkProtocol benchmark, String split, String modelPackId, boolean generatedModel,
                      int gallerySize, String runId, String replayRun, List<String> notes) {

    public RunInfo {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(modelPackId, "modelPackId");
        runId = runId == null ? "" : runId;
        replayRun = replayRun == null ? "" : replayRun;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public RunInfo(BenchmarkProtocol benchmark, String split, String modelPackId, boolean generatedModel,
                   int gallerySize) {
        this(benchmark, split, modelPackId, generatedModel, gallerySize, "", "", List.of());
    }
}
