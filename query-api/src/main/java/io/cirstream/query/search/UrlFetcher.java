package io.cirstream.query.search;

import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.remote.BoundedBody;
import io.cirstream.remote.FetchException;
import io.cirstream.remote.FetchReason;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Fetches a reference image by URL, which turns the API into a client of arbitrary servers; so it is off by
 * default, only allow-listed host:port pairs are contacted (checked before any connection), redirects are not
 * followed (they could leave the allow-list), the body is counted while it arrives and cut past the byte
 * limit, and one time limit covers the whole fetch (connect, headers and body: a server trickling one byte
 * a second is cut at the limit). Blocking.
 */
public final class UrlFetcher {

    /**
     * @param allowedHosts {@code host:port} pairs, or a bare {@code host} meaning the scheme's default port only
     *                     (80 for http, 443 for https); hosts compared case-insensitively, IPv6 as {@code [::1]:8080}
     */
    public record Policy(boolean enabled, Set<String> allowedHosts, long maxBytes, Duration timeout) {
        public Policy {
            allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
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
            throw QueryError.of(ErrorCode.URL_FETCH_DISABLED, "fetching reference images by URL is disabled on "
                    + "this server; upload the image or reference an indexed image by id");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw QueryError.of(ErrorCode.URL_NOT_ALLOWED, "only http and https URLs can be fetched, got '" + scheme + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        boolean allowed = policy.allowedHosts().contains(host + ":" + port)
                || port == defaultPort && policy.allowedHosts().contains(host);
        if (!allowed) {
            throw QueryError.of(ErrorCode.URL_NOT_ALLOWED, "'" + host + ":" + port
                    + "' is not on the fetch allow-list (entries are host:port; a bare host allows its default port)");
        }
    }

    public byte[] fetch(URI uri) {
        check(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                info -> info.statusCode() == 200 ? BoundedBody.subscriber(policy.maxBytes(),
                        info.headers().firstValueAsLong("content-length").orElse(-1), uri)
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            HttpResponse<byte[]> response = exchange.get(policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (response.statusCode() != 200) {
                throw QueryError.of(ErrorCode.URL_FETCH_FAILED, uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw QueryError.of(ErrorCode.URL_FETCH_FAILED, "fetching " + uri + " took longer than "
                    + policy.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchException failure && failure.reason() == FetchReason.TOO_LARGE) {
                throw QueryError.of(ErrorCode.IMAGE_TOO_LARGE, uri + " is larger than " + policy.maxBytes() + " bytes");
            }
            throw QueryError.of(ErrorCode.URL_FETCH_FAILED, "could not fetch " + uri + ": " + e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw QueryError.of(ErrorCode.TIMEOUT, "interrupted while fetching " + uri);
        }
    }
}
