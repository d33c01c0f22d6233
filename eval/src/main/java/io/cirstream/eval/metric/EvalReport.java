package io.cirstream.eval.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 */
public record EvalReport(BenchmarkProtocol benchmark, String split, String modelPackId, boolean generatedModel,
                         int gallerySize, String createdAt, Map<String, MethodResult> methods) {

    public static final String GENERATED_MODEL_NOTICE =
            "generated model (not CLIP): numbers are not comparable to published CLIP results";

    public EvalReport {
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }
}
