package io.cirstream.eval.live;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Evaluation talks to services on this machine only; a URL naming another host is refused up front. */
final class LoopbackUrls {

    private LoopbackUrls() {
    }

    static URI require(URI url, String what) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(what + " URL must be http://host:port, got '" + url + "'");
        }
        try {
            if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException(what + " URL must point at this machine (localhost, 127.0.0.1 "
                        + "or ::1), got '" + url + "'");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + " host '" + url.getHost() + "' does not resolve", e);
        }
        return url;
    }
}
