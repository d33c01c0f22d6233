package io.cirstream.remote;

import java.net.URI;
import java.util.Locale;

/**
 * The server a fetch would connect to, known before any connection: the unit of the allow-list and of the
 * per-host concurrency bound.
 *
 * @param scheme {@code http} or {@code https} (the transport, also for S3)
 * @param host   lower-case; IPv6 literals in brackets, as in URLs
 */
record Endpoint(String scheme, String host, int port) {

    static Endpoint of(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchReason.SCHEME_NOT_ALLOWED.failure("only http and https can be fetched, got '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw FetchReason.MALFORMED_URI.failure("no host in '" + url + "'");
        }
        int port = url.getPort() < 0 ? defaultPort(scheme) : url.getPort();
        return new Endpoint(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    boolean onDefaultPort() {
        return port == defaultPort(scheme);
    }

    String hostPort() {
        return host + ":" + port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
