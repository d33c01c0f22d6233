package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place failures become HTTP answers: {@code {"error": {"code": "...", "message": "..."}}}. */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    /** Seconds a client should wait after a 503 before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";

    private ErrorResponses() {
    }

    /** Router failure handler: a {@link QueryError}, a status set by a Vert.x handler, or a bug (500). */
    public static void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof QueryError error) {
            if (error.errorCode() == ErrorCode.INTERNAL) {
                LOG.error("internal failure on {} {}: {}", ctx.request().method(), ctx.request().path(), error.getMessage());
            }
            send(ctx, error.errorCode(), error.getMessage());
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500 || ctx.statusCode() == 503) {
            sendStatus(ctx, ctx.statusCode());
        } else {
            LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, ErrorCode.INTERNAL, "internal error; the server log has the details");
        }
    }

    /** Answers with the generic code for a status a Vert.x handler chose (413 body limit, 404 no route, ...). */
    public static void sendStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 401 -> send(ctx, ErrorCode.UNAUTHORIZED, "missing or wrong X-API-Key header");
            case 404 -> send(ctx, ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.request().path());
            case 405 -> send(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed on "
                    + ctx.request().path());
            case 413 -> send(ctx, ErrorCode.BODY_TOO_LARGE, "the request body exceeds the configured limit");
            case 415 -> send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported Content-Type");
            case 503 -> send(ctx, ErrorCode.TIMEOUT, "the request took longer than the configured timeout");
            default -> send(ctx, ErrorCode.BAD_REQUEST, "the request is malformed (HTTP " + status + ")");
        }
    }

    public static void send(RoutingContext ctx, ErrorCode code, String message) {
        send(ctx, code.status(), code.wireName(), message);
    }

    private static void send(RoutingContext ctx, int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message);
        if (status == 503) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
