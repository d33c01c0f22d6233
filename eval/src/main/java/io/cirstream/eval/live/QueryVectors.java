package io.cirstream.eval.live;

import io.cirstream.model.QueryInputs;
import io.cirstream.model.TextEncoder;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query vector the query API searches with, recomputed here for exact search: the reference's stored
 * vector and the encoded text, composed by the query API's own {@link Composer}. Texts are encoded
 * once per evaluation and shared by every method.
 */
final class QueryVectors {
    private static final int TEXT_BATCH = 64;

    private final Composer composer;
    private final CompositionParams params;
    private final Map<String, float[]> stored;
    private final Map<String, float[]> textVectors = new HashMap<>();
    private final ReferenceFiles files;

    QueryVectors(Composer composer, CompositionParams params, StoredGallery gallery, TextEncoder texts,
                 List<BenchmarkQuery> queries) {
        this(composer, params, gallery, texts, queries, new ReferenceFiles(Map.of()));
    }

    /** @param files the reference images, for methods that read a reference's pixels */
    QueryVectors(Composer composer, CompositionParams params, StoredGallery gallery, TextEncoder texts,
                 List<BenchmarkQuery> queries, ReferenceFiles files) {
        this.files = files;
        this.composer = composer;
        this.params = params;
        this.stored = gallery.byId();
        List<String> distinct = queries.stream().map(QueryVectors::text).filter(t -> !t.isEmpty()).distinct()
                .toList();
        for (int from = 0; from < distinct.size(); from += TEXT_BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + TEXT_BATCH));
            List<float[]> encoded = texts.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                textVectors.put(batch.get(i), encoded.get(i));
            }
        }
    }

    /**
     * The one text a query sends: the query API takes one text, so a query with several (FashionIQ replayed
     * with both caption orders) sends its first, "c1 and c2"; exact search composes the same string.
     */
    static String text(BenchmarkQuery query) {
        return query.texts().isEmpty() ? "" : query.texts().getFirst().strip();
    }

    /**
     * The composed vector; empty for methods that fuse rankings instead of searching with one vector, and
     * for a query the method cannot be asked (it needs text and the caption is empty).
     */
    Optional<float[]> compose(Method method, BenchmarkQuery query) {
        if (method.fusesLate() || method.needsText() && text(query).isEmpty()) {
            return Optional.empty();
        }
        float[] image = method.needsReference() ? reference(query) : null;
        String text = method.needsText() ? text(query) : null;
        float[] t = text == null ? null : textVectors.get(text);
        Optional<BufferedImage> pixels = needsPixels(method) ? Optional.of(files.image(query.referenceId()))
                : Optional.empty();
        return Optional.of(composer.compose(method, params, new QueryInputs(pixels, image, text, "", ""), t));
    }

    /** Whether the method reads the reference's pixels: the API is then sent the image, not the id. */
    boolean needsPixels(Method method) {
        return composer.needsPixels(method, params);
    }

    /** The reference's image file as the replay published it. */
    byte[] referenceFile(BenchmarkQuery query) {
        return files.bytes(query.referenceId());
    }

    /** The two vectors a late-fusion method searches with: the reference's stored vector and the text's. */
    record LateInputs(float[] image, float[] text) {
    }

    /** For a late-fusion method: its two query vectors; empty when the caption is empty (it is not asked). */
    Optional<LateInputs> lateInputs(BenchmarkQuery query) {
        if (text(query).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LateInputs(reference(query), textVectors.get(text(query))));
    }

    CompositionParams params() {
        return params;
    }

    /** The stored vector of an indexed image, or null when the collection has no such image. */
    float[] stored(String id) {
        return stored.get(id);
    }

    private float[] reference(BenchmarkQuery query) {
        float[] vector = stored.get(query.referenceId());
        if (vector == null) {
            throw new IllegalStateException("query " + query.queryId() + " names reference "
                    + query.referenceId() + ", which is not indexed in its collection");
        }
        return vector;
    }
}
