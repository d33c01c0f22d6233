package io.cirstream.remote;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches gallery images from where users keep them: {@code http}/{@code https} URLs and
 * {@code s3://bucket/key} objects. Every fetch is checked against the configured schemes and the host
 * allow-list before anything touches the network, waits for a per-host turn, and is bounded in time and
 * bytes; failures are typed {@link TransientFetchException} (retry, see {@link #retrier()}) or
 * {@link PermanentFetchException} (dead-letter). Blocking and thread-safe; one instance per service.
 */
public final class RemoteImages implements AutoCloseable {

    private final RemoteImageConfig config;
    private final AllowList allowList;
    private final HostPermits permits;
    private final Map<String, Source> sources;

    private RemoteImages(RemoteImageConfig config, Map<String, Source> sources) {
        this.config = config;
        this.allowList = new AllowList(config.allowedHosts());
        this.permits = new HostPermits(config.perHostConcurrency(), config.perHostWait());
        this.sources = sources;
    }

    /** Builds the clients (no connection yet); the S3 client only when {@code s3} is among the schemes. */
    public static RemoteImages open(RemoteImageConfig config) {
        Objects.requireNonNull(config, "config");
        HttpSource http = new HttpSource(config.totalTimeout(), config.maxBytes());
        Source s3 = config.schemes().contains("s3")
                ? new S3Source(config.s3(), config.totalTimeout(), config.maxBytes()) : http;
        return new RemoteImages(config, Map.of("http", http, "https", http, "s3", s3));
    }

    /** Whether the URI has a scheme this instance fetches; its host may still be refused by {@link #fetch}. */
    public boolean supports(URI uri) {
        return uri.getScheme() != null && config.schemes().contains(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    /** The whole image, at most {@code maxBytes} long. */
    public byte[] fetch(URI uri) throws FetchException {
        Objects.requireNonNull(uri, "uri");
        if (!supports(uri)) {
            throw FetchReason.SCHEME_NOT_ALLOWED.failure("'" + uri + "' has no scheme among the configured "
                    + config.schemes());
        }
        Source source = sources.get(uri.getScheme().toLowerCase(Locale.ROOT));
        Endpoint endpoint = source.endpoint(uri);
        allowList.check(endpoint, uri);
        return permits.withPermit(endpoint, () -> source.fetch(uri));
    }

    /** A retry helper with this configuration's policy, real sleeping and jitter. */
    public Retrier retrier() {
        return Retrier.of(config.retry());
    }

    public RemoteImageConfig config() {
        return config;
    }

    @Override
    public void close() {
        sources.values().stream().distinct().forEach(Source::close);
    }
}
