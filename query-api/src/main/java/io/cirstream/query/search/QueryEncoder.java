package io.cirstream.query.search;

import io.cirstream.model.composition.Composer;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Vec;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.inference.Inference;
import io.cirstream.query.inference.TextEmbeddings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the reference (stored vector, upload or URL) and runs everything the model has to do for one
 * request (image, text, composition) as a single task on the inference pool, so a request queues once.
 */
public final class QueryEncoder {
    /** Methods whose composition is vector arithmetic, no network: cheap enough for the event loop. */
    private static final Set<Method> ARITHMETIC = EnumSet.of(Method.IMAGE, Method.TEXT, Method.SUM, Method.SLERP,
            Method.WEICOM);

    private final Vertx vertx;
    private final GalleryStore store;
    private final Inference inference;
    private final ReferenceImages images;
    private final TextEmbeddings texts;
    private final Composer composer;
    private final UrlFetcher urls;
    private final ReferenceCache references;

    public QueryEncoder(Vertx vertx, GalleryStore store, Inference inference, ReferenceImages images,
                        TextEmbeddings texts, Composer composer, UrlFetcher urls) {
        this(vertx, store, inference, images, texts, composer, urls, ReferenceCache.disabled());
    }

    public QueryEncoder(Vertx vertx, GalleryStore store, Inference inference, ReferenceImages images,
                        TextEmbeddings texts, Composer composer, UrlFetcher urls, ReferenceCache references) {
        this.references = references;
        this.vertx = vertx;
        this.store = store;
        this.inference = inference;
        this.images = images;
        this.texts = texts;
        this.composer = composer;
        this.urls = urls;
    }

    public Composer composer() {
        return composer;
    }

    public Future<EncodedQuery> encode(SearchRequest request) {
        if (!composer.supports(request.method())) {
            return Future.failedFuture(QueryError.of(ErrorCode.METHOD_UNAVAILABLE, "the loaded model pack has no "
                    + request.method().wireName() + " network; use image, text, sum, slerp or weicom"));
        }
        return Future.succeededFuture(request).compose(this::referenceInput).compose(input -> {
            if (input instanceof ReferenceInput.Image) {
                return inference.run(Inference.Lane.IMAGE, () -> encodeBlocking(request, input));
            }
            if (ARITHMETIC.contains(request.method())
                    && (!request.method().needsText() || texts.isCached(request.text().orElse(null)))) {
                // Everything is at hand (stored vector, cached text): a few hundred float operations cost less on
                // the event loop than the hand-off to the inference pool and back. Thrown errors fail the future.
                return Future.succeededFuture(input).map(ready -> encodeBlocking(request, ready));
            }
            return inference.run(Inference.Lane.TEXT, () -> encodeBlocking(request, input));
        });
    }

    /** What the reference resolved to before inference: a stored vector, image bytes to encode, or nothing. */
    private sealed interface ReferenceInput {
        record Stored(float[] vector) implements ReferenceInput {
        }

        record Image(byte[] bytes) implements ReferenceInput {
        }

        record Absent() implements ReferenceInput {
        }
    }

    private Future<ReferenceInput> referenceInput(SearchRequest request) {
        if (!request.method().needsReference()) {
            return Future.succeededFuture(new ReferenceInput.Absent());
        }
        return switch (request.reference().orElseThrow()) {
            case Reference.ById byId -> storedVector(byId).map(ReferenceInput.Stored::new);
            case Reference.Bytes bytes -> Future.succeededFuture(new ReferenceInput.Image(bytes.data()));
            case Reference.Url url -> {
                urls.check(url.uri());
                yield vertx.executeBlocking(() -> new ReferenceInput.Image(urls.fetch(url.uri())), false);
            }
        };
    }

    /**
     * The reference's stored vector. A live-gallery id (no collection) is the hot path: from the cache of hot
     * references, else one GET of its document, which the cache then keeps (the watch feed keeps it current, keyed
     * like the vectors topic). A named collection, or an id only a benchmark collection holds, is looked up uncached.
     */
    private Future<float[]> storedVector(Reference.ById byId) {
        String id = byId.id();
        if (byId.collection() != null) {
            return store.document(id, byId.collection()).map(doc -> vectorOf(doc, byId));
        }
        float[] cached = references.get(id);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        ReferenceCache.Ticket ticket = references.fetching(id);
        return store.document(id).compose(live -> {
            if (live.isPresent()) {
                float[] vector = vectorOf(live, byId);
                references.fetched(ticket, vector);
                return Future.succeededFuture(vector);
            }
            return store.document(id, null).map(doc -> vectorOf(doc, byId));
        });
    }

    private static float[] vectorOf(Optional<ObjectNode> doc, Reference.ById byId) {
        return doc.map(StoredVector::take).orElseThrow(() -> QueryError.of(ErrorCode.UNKNOWN_IMAGE,
                "no indexed image has id '" + byId.id() + "'"
                        + (byId.collection() == null ? "" : " in collection '" + byId.collection() + "'")));
    }

    private EncodedQuery encodeBlocking(SearchRequest request, ReferenceInput reference) {
        long start = System.nanoTime();
        float[] image = switch (reference) {
            case ReferenceInput.Stored stored -> stored.vector();
            case ReferenceInput.Image bytes -> images.embed(bytes.bytes());
            case ReferenceInput.Absent absent -> null;
        };
        requireDirection(image, "the reference image");
        String text = request.text().orElse(null);
        float[] t = request.method().needsText() ? texts.embed(text) : null;
        if (t != null) {
            requireDirection(t, "the text '" + abbreviate(text) + "'");
        }
        float[] query = request.method().fusesLate() ? null
                : composer.compose(request.method(), request.params(), image, text, t);
        requireDirection(query, "the composed query (image and text cancel out)");
        return new EncodedQuery(image, t, query, System.nanoTime() - start);
    }

    /**
     * A zero or non-finite vector has no direction: cosine k-NN cannot rank by it (OpenSearch refuses it) and
     * every similarity would be 0 or NaN, so it is the caller's query that cannot be answered, not a server fault.
     */
    private static void requireDirection(float[] vector, String what) {
        if (vector == null) {
            return;
        }
        double norm = Vec.norm(vector);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw QueryError.of(ErrorCode.DEGENERATE_QUERY, what + " maps to a " + (norm == 0 ? "zero" : "non-finite")
                    + " vector in this model pack (for a text: none of its words is known to the model); "
                    + "rephrase it or use another reference");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
