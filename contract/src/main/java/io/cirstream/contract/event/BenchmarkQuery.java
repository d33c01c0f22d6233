package io.cirstream.contract.event;

import java.util.List;
import java.util.Objects;

/**
 * One query of a replayed benchmark, as the evaluator needs it: the reference image, the modification
 * text(s), the ground truth and, where the benchmark has one, the candidate subset.
 *
 * @param texts         the modification texts as given (CIRR: one caption; FashionIQ: two captions, joined by the
 *                      composer's rule, not here; whitespace-only captions are kept so that choice stays visible)
 * @param targetIds     the positives (CIRR: the hard target; CIRCO: gt_img_ids; PatternCom: the class images
 *                      with the requested value); empty when the split's labels are hidden
 * @param subsetMembers CIRR-style {@code img_set.members} for Recall_subset, empty elsewhere
 * @param category      FashionIQ category or PatternCom attribute, null when the benchmark has none
 */
public record BenchmarkQuery(String benchmark, String split, String queryId, String referenceId, List<String> texts,
                             List<String> targetIds, List<String> subsetMembers, String category) {

    public BenchmarkQuery {
        requireText("benchmark", benchmark);
        requireText("split", split);
        requireText("queryId", queryId);
        requireText("referenceId", referenceId);
        texts = List.copyOf(Objects.requireNonNullElse(texts, List.of()));
        targetIds = List.copyOf(Objects.requireNonNullElse(targetIds, List.of()));
        subsetMembers = List.copyOf(Objects.requireNonNullElse(subsetMembers, List.of()));
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string");
        }
    }
}
