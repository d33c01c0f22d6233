package io.cirstream.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.core.json.Json;
import io.cirstream.query.error.QueryError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/** Shared request-body reading: JSON with a clear 400 when it does not parse, and multipart file parts. */
final class Bodies {

    private Bodies() {
    }

    static boolean isMultipart(RoutingContext ctx) {
        return hasType(ctx, "multipart/form-data");
    }

    /** Whether the request's Content-Type is {@code mediaType} (parameters such as charset ignored). */
    static boolean hasType(RoutingContext ctx, String mediaType) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(mediaType);
    }

    static JsonNode json(String text, String what) {
        if (text == null || text.isBlank()) {
            throw QueryError.badRequest("bad_json", what + " is empty; expected a JSON object");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw QueryError.badRequest("bad_json", what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The bytes of the multipart file part {@code name}, read without blocking; empty when absent. */
    static Future<Optional<byte[]>> file(RoutingContext ctx, String name) {
        Optional<FileUpload> upload = ctx.fileUploads().stream().filter(f -> f.name().equals(name)).findFirst();
        if (upload.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return ctx.vertx().fileSystem().readFile(upload.get().uploadedFileName())
                .map(Buffer::getBytes).map(Optional::of);
    }

    static void sendJson(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
