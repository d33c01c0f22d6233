package io.cirstream.eval.anchor;

import io.cirstream.eval.metric.BenchmarkProtocol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One published result, printed beside ours and never mixed up with it.
 *
 * @param benchmark  the protocol the paper followed
 * @param split      the split it was measured on ({@code test1}, {@code val}, ...)
 * @param method     the method as the paper names it
 * @param backbone   the vision-language backbone ({@code CLIP ViT-L/14}, ...)
 * @param ourMethod  the query-API method that computes the same thing, or empty when we have none
 * @param setting    {@code zero-shot}, {@code trained}, ...
 * @param metrics    values in percent, keyed by {@link io.cirstream.eval.metric.MetricNames}
 */
public record PublishedAnchor(BenchmarkProtocol benchmark, String split, String method, String backbone,
                              String ourMethod, String setting, Map<String, Double> metrics) {

    public PublishedAnchor {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(method, "method");
        ourMethod = ourMethod == null ? "" : ourMethod;
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** How the row is labelled wherever it is printed. */
    public String label() {
        return "published: " + method + " (" + backbone + ", " + split + ")";
    }
}
