package io.cirstream.eval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which metrics a protocol reports and at which cut-offs.
 *
 * @param recall           K values for Recall@K
 * @param subsetRecall     K values for Recall_subset@K (CIRR img_set)
 * @param mapAt            K values for mAP@K (CIRCO)
 * @param fullMap          whether mAP over the whole ranking is reported
 * @param precisionRecall  K values for P@K together with fractional R@K (PatternCom)
 */
public record Cutoffs(List<Integer> recall, List<Integer> subsetRecall, List<Integer> mapAt,
                      boolean fullMap, List<Integer> precisionRecall) {

    public Cutoffs {
        recall = List.copyOf(recall);
        subsetRecall = List.copyOf(subsetRecall);
        mapAt = List.copyOf(mapAt);
        precisionRecall = List.copyOf(precisionRecall);
    }

    public static Cutoffs none() {
        return new Cutoffs(List.of(), List.of(), List.of(), false, List.of());
    }

    public Cutoffs withRecall(int... ks) {
        return new Cutoffs(list(ks), subsetRecall, mapAt, fullMap, precisionRecall);
    }

    public Cutoffs withSubsetRecall(int... ks) {
        return new Cutoffs(recall, list(ks), mapAt, fullMap, precisionRecall);
    }

    public Cutoffs withMapAt(int... ks) {
        return new Cutoffs(recall, subsetRecall, list(ks), fullMap, precisionRecall);
    }

    public Cutoffs withFullMap() {
        return new Cutoffs(recall, subsetRecall, mapAt, true, precisionRecall);
    }

    public Cutoffs withPrecisionRecall(int... ks) {
        return new Cutoffs(recall, subsetRecall, mapAt, fullMap, list(ks));
    }

    /** Every metric name these cut-offs produce, in report column order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        recall.forEach(k -> names.add(MetricNames.recall(k)));
        subsetRecall.forEach(k -> names.add(MetricNames.subsetRecall(k)));
        mapAt.forEach(k -> names.add(MetricNames.mapAt(k)));
        if (fullMap) {
            names.add(MetricNames.MAP);
        }
        precisionRecall.forEach(k -> names.add(MetricNames.precision(k)));
        precisionRecall.forEach(k -> names.add(MetricNames.recall(k)));
        return List.copyOf(names);
    }

    /** The deepest cut-off over the full-gallery ranking, or 0 when only mAP over everything is asked. */
    public int deepestCutoff() {
        return IntStream.concat(IntStream.concat(recall.stream().mapToInt(Integer::intValue),
                                mapAt.stream().mapToInt(Integer::intValue)),
                        precisionRecall.stream().mapToInt(Integer::intValue))
                .max().orElse(0);
    }

    private static List<Integer> list(int... ks) {
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("cut-off K must be >= 1, got " + k);
            }
        }
        return IntStream.of(ks).boxed().toList();
    }
}
