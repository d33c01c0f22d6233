package io.cirstream.query.search;

import io.cirstream.query.error.QueryError;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches a reference image by URL, which turns the API into a client of arbitrary servers; so it is off by
 * default, only allow-listed hosts are contacted (checked before any connection), redirects are not
 * followed (they could leave the allow-list), and both size and time are bounded. Blocking.
 */
public final class UrlFetcher {

    /** @param allowedHosts exact host names or literal addresses, compared case-insensitively */
    public record Policy(boolean enabled, Set<String> allowedHosts, long maxBytes, Duration timeout) {
        public Policy {
            allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private final Policy policy;
    private final HttpClient http;

    public UrlFetcher(Policy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Throws {@code 400 url_not_allowed} unless the URL may be fetched; never touches the network. */
    public void check(URI uri) {
        if (!policy.enabled()) {
            throw QueryError.badRequest("url_fetch_disabled", "fetching reference images by URL is disabled on "
                    + "this server; upload the image or reference an indexed image by id");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw QueryError.badRequest("url_not_allowed", "only http and https URLs can be fetched, got '" + scheme + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!policy.allowedHosts().contains(host)) {
            throw QueryError.badRequest("url_not_allowed", "host '" + host + "' is not on the fetch allow-list");
        }
    }

    public byte[] fetch(URI uri) {
        check(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw QueryError.badRequest("url_fetch_failed", uri + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(Math.toIntExact(policy.maxBytes() + 1));
                if (bytes.length > policy.maxBytes()) {
                    throw QueryError.tooLarge("image_too_large", uri + " is larger than " + policy.maxBytes() + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw QueryError.badRequest("url_fetch_failed", "could not fetch " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueryError.unavailable("url_fetch_failed", "interrupted while fetching " + uri);
        }
    }
}
