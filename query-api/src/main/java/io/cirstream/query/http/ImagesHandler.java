package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.publisher.GalleryPublisher;
import io.cirstream.publisher.PublishResult;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.GalleryStore;
import io.cirstream.query.search.ImageIds;
import io.cirstream.query.search.StoredVector;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * {@code /v1/images}: ingest goes through Kafka like every other image (validated by {@link GalleryPublisher},
 * indexed later by the embedder), so POST and DELETE answer 202; GET reads the index.
 */
final class ImagesHandler {

    private final GalleryPublisher publisher;
    private final GalleryStore store;
    private final ImageContent content;

    ImagesHandler(GalleryPublisher publisher, GalleryStore store, ImageContent content) {
        this.publisher = publisher;
        this.store = store;
        this.content = content;
    }

    void ingest(RoutingContext ctx) {
        if (!Bodies.isMultipart(ctx)) {
            ctx.fail(QueryError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the image as multipart/form-data with a part named 'image'"));
            return;
        }
        Bodies.file(ctx, "image").compose(upload -> {
            byte[] bytes = upload.orElseThrow(() -> QueryError.of(ErrorCode.MISSING_IMAGE,
                    "multipart part 'image' is missing"));
            String id = Optional.ofNullable(ctx.request().getFormAttribute("id")).map(i -> ImageIds.check("id", i))
                    .orElseGet(() -> contentId(bytes));
            ImageMetadata metadata = metadata(ctx);
            return published(ctx, () -> publisher.publish(id, bytes, metadata));
        }).onSuccess(result -> answer(ctx, result)).onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        String id = ImageIds.check("id", ctx.pathParam("id"));
        published(ctx, () -> publisher.delete(id)).onSuccess(result -> answer(ctx, result)).onFailure(ctx::fail);
    }

    /**
     * Validation and {@code KafkaProducer.send} block (send up to {@code max.block.ms} while metadata is
     * missing or the buffer is full), so both run on a worker; the acknowledgement arrives on Kafka's I/O
     * thread and is brought back to this request's context before any handler runs.
     */
    private static Future<PublishResult> published(RoutingContext ctx, Callable<CompletionStage<PublishResult>> send) {
        Context context = ctx.vertx().getOrCreateContext();
        return ctx.vertx().executeBlocking(send, false).compose(stage -> Future.fromCompletionStage(stage, context));
    }

    void get(RoutingContext ctx) {
        String id = ImageIds.check("id", ctx.pathParam("id"));
        store.document(id, ctx.queryParams().get("collection")).map(doc -> {
            ObjectNode source = doc.orElseThrow(() -> unknown(id));
            StoredVector.take(source);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", id);
            body.set("metadata", source);
            return body;
        }).onSuccess(body -> Bodies.sendJson(ctx, 200, body)).onFailure(ctx::fail);
    }

    void content(RoutingContext ctx) {
        String id = ImageIds.check("id", ctx.pathParam("id"));
        store.document(id, ctx.queryParams().get("collection")).compose(doc -> content.resolve(ctx.vertx(), doc.orElseThrow(() -> unknown(id)), id))
                .onSuccess(file -> ctx.response().putHeader("Content-Type", file.contentType())
                        .putHeader("Cache-Control", "max-age=300").sendFile(file.path().toString()))
                .onFailure(ctx::fail);
    }

    private static ImageMetadata metadata(RoutingContext ctx) {
        String tags = ctx.request().getFormAttribute("tags");
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        try {
            return new ImageMetadata(ctx.request().getFormAttribute("collection"),
                    ctx.request().getFormAttribute("category"), null, null, null,
                    ctx.request().getFormAttribute("source"), tagList, null, ctx.request().getFormAttribute("caption"),
                    null);
        } catch (IllegalArgumentException e) {
            throw QueryError.of(ErrorCode.BAD_METADATA, e.getMessage());
        }
    }

    /** Same bytes, same id: re-uploading an image updates it instead of duplicating it. */
    private static String contentId(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "upload-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void answer(RoutingContext ctx, PublishResult result) {
        switch (result) {
            case PublishResult.Accepted accepted -> Bodies.sendJson(ctx, 202, JsonNodeFactory.instance.objectNode()
                    .put("id", accepted.id()).put("status", "accepted").put("topic", accepted.topic())
                    .put("partition", accepted.partition()).put("offset", accepted.offset()));
            case PublishResult.Rejected rejected -> ctx.fail(PublishRejections.toError(rejected));
        }
    }

    static QueryError unknown(String id) {
        return QueryError.of(ErrorCode.UNKNOWN_IMAGE, "no indexed image has id '" + id + "'");
    }
}
