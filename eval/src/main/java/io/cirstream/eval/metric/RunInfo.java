package io.cirstream.eval.metric;

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
 */
public record RunInfo(BenchmarkProtocol benchmark, String split, String modelPackId, boolean generatedModel,
                      int gallerySize) {

    public RunInfo {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(modelPackId, "modelPackId");
    }
}
