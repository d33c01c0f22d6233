package io.cirstream.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Images on plain {@code http}/{@code https} servers (CDNs), through the JDK client (HTTP/2 where the server
 * offers it, else HTTP/1.1). Redirects are never followed: a 3xx is a permanent {@code redirected} failure
 * naming the target, since following could leave the allow-list. One time limit covers connect, headers and
 * body, so a server trickling a byte a second is cut at the limit.
 */
final class HttpSource implements Source {

    private final Duration timeout;
    private final long maxBytes;
    private final HttpClient http;

    HttpSource(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Endpoint endpoint(URI uri) throws FetchException {
        return Endpoint.of(uri);
    }

    @Override
    public byte[] fetch(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1), uri)
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            return accept(uri, exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            throw FetchReason.TIMEOUT.failure("fetching " + uri + " took longer than " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw Failures.ofNetwork(e.getCause(), uri).orElseGet(
                    () -> FetchReason.IO_ERROR.failure("could not fetch " + uri + ": " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchReason.INTERRUPTED.failure("interrupted while fetching " + uri, e);
        } finally {
            // Stops a body still arriving after a time-out, interrupt or early failure; no-op when complete.
            exchange.cancel(true);
        }
    }

    private static byte[] accept(URI uri, HttpResponse<byte[]> response) throws FetchException {
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        String location = response.headers().firstValue("location").map(l -> " to " + l).orElse("");
        throw FetchReason.forStatus(status).failure(uri + " answered HTTP " + status
                + (status >= 300 && status < 400 ? location + " (redirects are not followed)" : ""));
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
