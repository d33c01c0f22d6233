package io.cirstream.query.search;

import io.cirstream.query.compose.QueryComposer;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.inference.Inference;
import io.cirstream.query.inference.TextEmbeddings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Resolves the reference (stored vector, upload or URL) and runs everything the model has to do for one
 * request (image, text, composition) as a single task on the inference pool, so a request queues once.
 */
public final class QueryEncoder {

    private final Vertx vertx;
    private final GalleryStore store;
    private final Inference inference;
    private final ReferenceImages images;
    private final TextEmbeddings texts;
    private final QueryComposer composer;
    private final UrlFetcher urls;

    public QueryEncoder(Vertx vertx, GalleryStore store, Inference inference, ReferenceImages images,
                        TextEmbeddings texts, QueryComposer composer, UrlFetcher urls) {
        this.vertx = vertx;
        this.store = store;
        this.inference = inference;
        this.images = images;
        this.texts = texts;
        this.composer = composer;
        this.urls = urls;
    }

    public QueryComposer composer() {
        return composer;
    }

    public Future<EncodedQuery> encode(SearchRequest request) {
        if (!composer.supports(request.method())) {
            return Future.failedFuture(QueryError.badRequest("method_unavailable", "the loaded model pack has no "
                    + request.method().wireName() + " network; use image, text, sum, slerp or weicom"));
        }
        return Future.succeededFuture(request).compose(this::referenceInput).compose(input -> inference.run(() -> encodeBlocking(request, input)));
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
            case Reference.ById byId -> store.document(byId.id()).map(doc -> new ReferenceInput.Stored(
                    doc.map(StoredVector::take).orElseThrow(() -> QueryError.notFound("unknown_image",
                            "no indexed image has id '" + byId.id() + "'"))));
            case Reference.Bytes bytes -> Future.succeededFuture(new ReferenceInput.Image(bytes.data()));
            case Reference.Url url -> {
                urls.check(url.uri());
                yield vertx.executeBlocking(() -> new ReferenceInput.Image(urls.fetch(url.uri())), false);
            }
        };
    }

    private EncodedQuery encodeBlocking(SearchRequest request, ReferenceInput reference) {
        long start = System.nanoTime();
        float[] image = switch (reference) {
            case ReferenceInput.Stored stored -> stored.vector();
            case ReferenceInput.Image bytes -> images.embed(bytes.bytes());
            case ReferenceInput.Absent absent -> null;
        };
        String text = request.text().orElse(null);
        float[] t = request.method().needsText() ? texts.embed(text) : null;
        float[] query = request.method().fusesLate() ? null
                : composer.compose(request.method(), request.params(), image, text, t);
        return new EncodedQuery(image, t, query, System.nanoTime() - start);
    }
}
