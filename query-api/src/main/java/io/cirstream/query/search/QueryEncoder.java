package io.cirstream.query.search;

import io.cirstream.contract.index.GalleryIndex;
import io.cirstream.model.QueryInputs;
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

import java.awt.image.BufferedImage;
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
        if (composer.unavailable(request.method(), request.params()).isPresent()) {
            return Future.failedFuture(QueryError.of(ErrorCode.METHOD_UNAVAILABLE, composer.unavailable(
                    request.method(), request.params()).orElseThrow() + "; image, text, sum, slerp and weicom need none"));
        }
        if (composer.needsPixels(request.method(), request.params())
                && request.reference().filter(Reference.ById.class::isInstance).isPresent()) {
            return Future.failedFuture(QueryError.of(ErrorCode.REFERENCE_PIXELS_REQUIRED, "method "
                    + request.method().wireName() + " reads the reference's pixels (patch features) and a reference "
                    + "by id has only its stored vector: upload the image, or send image_base64 or a url"));
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
        record Stored(float[] vector, String caption) implements ReferenceInput {
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
            case Reference.ById byId -> stored(byId, request.method().usesQueryInputs()).map(ReferenceInput.class::cast);
            case Reference.Bytes bytes -> Future.succeededFuture(new ReferenceInput.Image(bytes.data()));
            case Reference.Url url -> {
                urls.check(url.uri());
                yield vertx.executeBlocking(() -> new ReferenceInput.Image(urls.fetch(url.uri())), false);
            }
        };
    }

    /**
     * The reference's stored vector (and caption). A live-gallery id (no collection) is the hot path: from the cache
     * of hot references, else one GET of its document, which the cache then keeps (the watch feed keeps it current,
     * keyed like the vectors topic). The cache holds vectors only, so a method that reads the stored caption, a named
     * collection, or an id only a benchmark collection holds, is looked up uncached.
     */
    private Future<ReferenceInput.Stored> stored(Reference.ById byId, boolean needsCaption) {
        String id = byId.id();
        if (byId.collection() != null) {
            return store.document(id, byId.collection()).map(doc -> storedOf(doc, byId));
        }
        float[] cached = needsCaption ? null : references.get(id);
        if (cached != null) {
            return Future.succeededFuture(new ReferenceInput.Stored(cached, ""));
        }
        ReferenceCache.Ticket ticket = references.fetching(id);
        return store.document(id).compose(live -> {
            if (live.isPresent()) {
                ReferenceInput.Stored stored = storedOf(live, byId);
                references.fetched(ticket, stored.vector());
                return Future.succeededFuture(stored);
            }
            return store.document(id, null).map(doc -> storedOf(doc, byId));
        });
    }

    private static ReferenceInput.Stored storedOf(Optional<ObjectNode> doc, Reference.ById byId) {
        return doc.map(source -> new ReferenceInput.Stored(StoredVector.take(source),
                source.path(GalleryIndex.CAPTION).asText(""))).orElseThrow(() -> QueryError.of(ErrorCode.UNKNOWN_IMAGE,
                "no indexed image has id '" + byId.id() + "'"
                        + (byId.collection() == null ? "" : " in collection '" + byId.collection() + "'")));
    }

    private EncodedQuery encodeBlocking(SearchRequest request, ReferenceInput reference) {
        long start = System.nanoTime();
        // pixels are kept only for the methods whose networks read them (multi_token, composer)
        Optional<BufferedImage> pixels = reference instanceof ReferenceInput.Image bytes
                && request.method().usesQueryInputs() ? Optional.of(images.decode(bytes.bytes())) : Optional.empty();
        float[] image = switch (reference) {
            case ReferenceInput.Stored stored -> stored.vector();
            case ReferenceInput.Image bytes -> pixels.map(images::embed).orElseGet(() -> images.embed(bytes.bytes()));
            case ReferenceInput.Absent absent -> null;
        };
        requireDirection(image, "the reference image");
        String text = request.text().orElse(null);
        float[] t = request.method().needsText() ? texts.embed(text) : null;
        if (t != null) {
            requireDirection(t, "the text '" + abbreviate(text) + "'");
        }
        String caption = !request.caption().isEmpty() || !(reference instanceof ReferenceInput.Stored stored)
                ? request.caption() : stored.caption();
        QueryInputs inputs = new QueryInputs(pixels, image, text, caption, request.description());
        float[] query = request.method().fusesLate() ? null
                : composer.compose(request.method(), request.params(), inputs, t);
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
