package io.cirstream.remote;

import java.util.Set;

/**
 * Which servers may be contacted, decided from the URL alone before anything touches the network (no DNS
 * look-up either: a refused name is never even resolved). Entries are {@code host:port}, or a bare host that
 * allows only the scheme's default port; an empty list refuses every server.
 */
final class AllowList {

    private final Set<String> entries;

    AllowList(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    void check(Endpoint endpoint, Object what) throws FetchException {
        boolean allowed = entries.contains(endpoint.hostPort())
                || endpoint.onDefaultPort() && entries.contains(endpoint.host());
        if (!allowed) {
            throw FetchReason.HOST_NOT_ALLOWED.failure("'" + endpoint.hostPort() + "' (for " + what
                    + ") is not on the remote image allow-list (entries are host:port; a bare host allows its "
                    + "default port)");
        }
    }
}
