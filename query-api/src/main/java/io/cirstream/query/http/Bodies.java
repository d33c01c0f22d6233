package io.cirstream.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cirstream.contract.json.Json;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Shared request-body reading: JSON with a clear 400 when it does not parse, and multipart file parts. */
final class Bodies {

    /** Trailing tokens and keys given twice are refused: the client's meaning must not depend on the parser's. */
    private static final ObjectReader STRICT = Json.strictReader();

    private Bodies() {
    }

    /** RFC 2046: a boundary of 1 to 70 characters, optionally quoted. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i).*;\\s*boundary=(\"[^\"]{1,70}\"|[^\\s;\"]{1,70})\\s*(;.*)?");

    /**
     * Router guard before the body handler: a multipart request without a usable boundary is a 400 here,
     * since Netty's decoder throws (an empty {@code boundary=} was a 500, found by the API fuzz test).
     */
    static void requireMultipartBoundary(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && !BOUNDARY.matcher(type).matches()) {
            ctx.fail(QueryError.of(ErrorCode.BAD_REQUEST, "a multipart Content-Type needs a boundary parameter of "
                    + "1 to 70 characters"));
            return;
        }
        ctx.next();
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
        return json(text == null ? null : text.getBytes(StandardCharsets.UTF_8), what);
    }

    /**
     * Strict parsing: one JSON value and nothing after it (trailing tokens are refused), no key twice in an object,
     * from the raw bytes so that invalid UTF-8 is refused instead of silently replaced; NaN/Infinity literals are not
     * JSON.
     */
    static JsonNode json(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw QueryError.of(ErrorCode.BAD_JSON, what + " is empty; expected a JSON object");
        }
        try {
            return STRICT.readTree(bytes);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw QueryError.of(ErrorCode.BAD_JSON, what + " is not valid JSON: " + reason);
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
