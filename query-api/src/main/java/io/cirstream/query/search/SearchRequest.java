package io.cirstream.query.search;

import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;

import java.util.Optional;

/**
 * A validated composed query.
 *
 * @param reference        absent for text-only searches
 * @param text             the modification text; absent for image-only searches
 * @param caption          the reference's caption sent with the request (empty: the stored caption of a
 *                         reference by id, if any)
 * @param description      the target description written by the user's own LLM step (empty when not given)
 * @param excludeReference drop the reference image itself from the results (only possible when it is
 *                         referenced by id)
 * @param explain          add per-modality similarities to each result
 * @param groupByProduct   one result per product: its best image ({@link ProductGroups})
 */
public record SearchRequest(Optional<Reference> reference, Optional<String> text, String caption,
                            String description, Method method,
                            CompositionParams params, int k, Filters filters, boolean excludeReference,
                            boolean explain, boolean groupByProduct) {
}
