package io.cirstream.embedder.app;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.ConfigKey;
import io.cirstream.contract.config.Settings;
import io.cirstream.remote.RemoteImageConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code remote.*} keys of the remote-images library as typed configuration keys, so they are validated at start,
 * printed with their source (the S3 secret key masked) and listed in the configuration reference. The library
 * keeps the defaults and the parsing ({@link RemoteImageConfig#fromMap}); these keys only carry the text.
 */
public final class RemoteImageKeys {
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(RemoteImageConfig.ALLOWED_HOSTS, "host:port (or bare host: default port) the embedder may fetch"
                    + " http(s)/s3 images from; empty refuses every remote image (docs/remote-images.md)"),
            Map.entry(RemoteImageConfig.SCHEMES, "remote URI schemes fetched, among http, https, s3"),
            Map.entry(RemoteImageConfig.TIMEOUT_MS, "time limit of one whole fetch: connect, headers and body"),
            Map.entry(RemoteImageConfig.MAX_BYTES, "largest remote image; reading stops one byte past it"),
            Map.entry(RemoteImageConfig.PER_HOST_CONCURRENCY, "fetches under way at once per host:port"),
            Map.entry(RemoteImageConfig.PER_HOST_WAIT_MS, "longest wait for a turn at a busy host (then transient)"),
            Map.entry(RemoteImageConfig.S3_ENDPOINT, "S3-compatible endpoint, e.g. http://127.0.0.1:9000 (empty: AWS)"),
            Map.entry(RemoteImageConfig.S3_REGION, "S3 signing region"),
            Map.entry(RemoteImageConfig.S3_PATH_STYLE, "S3 path-style addressing (most S3-compatible servers need true)"),
            Map.entry(RemoteImageConfig.S3_ACCESS_KEY, "S3 access key (empty: the AWS default credentials chain)"),
            Map.entry(RemoteImageConfig.S3_SECRET_KEY, "S3 secret key (empty: the AWS default credentials chain)"),
            Map.entry(RemoteImageConfig.RETRY_MAX_ATTEMPTS, "tries of a transiently failing fetch before the batch"
                    + " is retried later (the image is never dropped)"),
            Map.entry(RemoteImageConfig.RETRY_INITIAL_BACKOFF_MS, "first back-off between tries, doubling"),
            Map.entry(RemoteImageConfig.RETRY_MAX_BACKOFF_MS, "ceiling of the back-off between tries"));

    private static final List<ConfigKey<String>> TEXT_KEYS = RemoteImageConfig.DEFAULTS.entrySet().stream()
            .map(e -> new ConfigKey<>(e.getKey(), e.getValue(), String::strip,
                    e.getKey().equals(RemoteImageConfig.S3_SECRET_KEY), DESCRIPTIONS.getOrDefault(e.getKey(), "")))
            .toList();

    /** One key per library setting, in the library's order. */
    public static final List<ConfigKey<?>> KEYS = List.copyOf(TEXT_KEYS);

    private RemoteImageKeys() {
    }

    /** The library's configuration from these keys; a bad value fails at start with the library's reason. */
    public static RemoteImageConfig from(Settings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        TEXT_KEYS.forEach(key -> values.put(key.name(), settings.get(key)));
        try {
            return RemoteImageConfig.fromMap(values);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid remote image settings: " + e.getMessage());
        }
    }
}
