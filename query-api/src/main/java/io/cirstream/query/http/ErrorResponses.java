package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            send(ctx, status(error.kind()), error.code(), error.getMessage());
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500 || ctx.statusCode() == 503) {
            sendStatus(ctx, ctx.statusCode());
        } else {
            LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "internal", "internal error; the server log has the details");
        }
    }

    /** Answers with the generic code for a status a Vert.x handler chose (413 body limit, 404 no route, ...). */
    public static void sendStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 401 -> send(ctx, 401, "unauthorized", "missing or wrong X-API-Key header");
            case 404 -> send(ctx, 404, "not_found", "no such endpoint: " + ctx.request().path());
            case 405 -> send(ctx, 405, "method_not_allowed", ctx.request().method() + " is not allowed on "
                    + ctx.request().path());
            case 413 -> send(ctx, 413, "body_too_large", "the request body exceeds the configured limit");
            case 415 -> send(ctx, 415, "unsupported_media_type", "unsupported Content-Type");
            case 503 -> send(ctx, 503, "timeout", "the request took longer than the configured timeout");
            default -> send(ctx, status, "bad_request", "the request is malformed");
        }
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message);
        if (status == 503) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    static int status(QueryError.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case OVERLOADED, UNAVAILABLE -> 503;
        };
    }
}
