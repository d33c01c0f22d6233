package io.cirstream.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Names the network failures both sources meet (time-outs, refused or broken connections) by their cause chain. */
final class Failures {

    private Failures() {
    }

    /** The fetch failure {@code error} stands for, or empty when nothing in its causes is a network failure. */
    static Optional<FetchException> ofNetwork(Throwable error, Object what) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FetchException known) {
                return Optional.of(known);
            }
            FetchReason reason = reasonOf(t);
            if (reason != null) {
                return Optional.of(reason.failure(describe(reason) + " fetching " + what + ": " + t, error));
            }
        }
        return Optional.empty();
    }

    private static FetchReason reasonOf(Throwable t) {
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return FetchReason.TIMEOUT;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
            return FetchReason.CONNECT_FAILED;
        }
        // The plain IOException last: the specific kinds above are all IOExceptions too.
        return t instanceof IOException ? FetchReason.IO_ERROR : null;
    }

    private static String describe(FetchReason reason) {
        return switch (reason) {
            case TIMEOUT -> "timed out";
            case CONNECT_FAILED -> "could not connect";
            default -> "connection failed";
        };
    }
}
