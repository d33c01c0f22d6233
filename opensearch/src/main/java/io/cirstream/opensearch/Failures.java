package io.cirstream.opensearch;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what goes wrong between cirstream and OpenSearch into an {@link OpenSearchException} that says what to fix:
 * a refused password names authentication and the keys to check, an untrusted certificate names the TLS keys, an
 * unreachable cluster names the nodes tried.
 */
final class Failures {

    private Failures() {
    }

    static OpenSearchException unauthorized(List<URI> nodes, String username) {
        return new OpenSearchException(401, "OpenSearch authentication failed (401 Unauthorized) at " + nodes
                + (username.isEmpty() ? ": it demands credentials; set opensearch.username and opensearch.password"
                : " for user '" + username + "': check opensearch.username and opensearch.password"));
    }

    /** The request got no answer: TLS refused, connection refused, timed out. */
    static OpenSearchException noAnswer(List<URI> nodes, Throwable failure) {
        Throwable cause = unwrap(failure);
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            String what = tls instanceof SSLPeerUnverifiedException
                    ? "a node's certificate does not name the host connected to (hostname verification; the URL must "
                    + "use a name or IP in the certificate)"
                    : "the node's certificate is not trusted (set opensearch.tls.ca-pem or opensearch.tls.truststore to "
                    + "the CA that signed it)";
            return new OpenSearchException("OpenSearch TLS handshake failed at " + nodes + ": " + what + "; "
                    + tls.getMessage(), cause);
        }
        String what = find(cause, ConnectException.class) != null ? "connection refused" : String.valueOf(cause);
        return new OpenSearchException("OpenSearch not reachable at " + nodes + ": " + what, cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
