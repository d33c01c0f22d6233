package io.cirstream.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything that bounds remote image fetching, in one immutable value.
 *
 * @param allowedHosts       {@code host:port}, or a bare {@code host} for the scheme's default port (80/443);
 *                           empty refuses every remote fetch. For S3 the entry names the endpoint actually
 *                           contacted (see {@code docs/remote-images.md})
 * @param schemes            URI schemes handled, among {@code http}, {@code https}, {@code s3}
 * @param totalTimeout       one limit for a whole fetch: connect, headers and body
 * @param maxBytes           largest image accepted; reading stops at one byte past it
 * @param perHostConcurrency fetches under way at once per host:port
 * @param perHostWait        how long a fetch waits for a turn at a busy host before failing transiently
 */
public record RemoteImageConfig(Set<String> allowedHosts, Set<String> schemes, Duration totalTimeout, long maxBytes,
                                int perHostConcurrency, Duration perHostWait, S3Settings s3, RetryPolicy retry) {

    public static final Set<String> SUPPORTED_SCHEMES = Set.of("http", "https", "s3");
    /** Reading is into one array, so the limit stays well inside what an array can hold. */
    public static final long MAX_BYTES_CEILING = 1L << 30;

    public static final String ALLOWED_HOSTS = "remote.allowed-hosts";
    public static final String SCHEMES = "remote.schemes";
    public static final String TIMEOUT_MS = "remote.timeout-ms";
    public static final String MAX_BYTES = "remote.max-bytes";
    public static final String PER_HOST_CONCURRENCY = "remote.per-host-concurrency";
    public static final String PER_HOST_WAIT_MS = "remote.per-host-wait-ms";
    public static final String S3_ENDPOINT = "remote.s3.endpoint";
    public static final String S3_REGION = "remote.s3.region";
    public static final String S3_PATH_STYLE = "remote.s3.path-style";
    public static final String S3_ACCESS_KEY = "remote.s3.access-key";
    public static final String S3_SECRET_KEY = "remote.s3.secret-key";
    public static final String RETRY_MAX_ATTEMPTS = "remote.retry.max-attempts";
    public static final String RETRY_INITIAL_BACKOFF_MS = "remote.retry.initial-backoff-ms";
    public static final String RETRY_MAX_BACKOFF_MS = "remote.retry.max-backoff-ms";

    /** Every key with its default; secrets default to empty. The lead's Settings can list these. */
    public static final Map<String, String> DEFAULTS = defaults();

    public RemoteImageConfig {
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        schemes = schemes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (!SUPPORTED_SCHEMES.containsAll(schemes)) {
            throw new IllegalArgumentException("schemes must be among " + SUPPORTED_SCHEMES + ", got " + schemes);
        }
        requirePositive(totalTimeout, "totalTimeout");
        requirePositive(perHostWait, "perHostWait");
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw new IllegalArgumentException("maxBytes must be in [1, " + MAX_BYTES_CEILING + "], got " + maxBytes);
        }
        if (perHostConcurrency < 1) {
            throw new IllegalArgumentException("perHostConcurrency must be at least 1, got " + perHostConcurrency);
        }
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Reads the {@code remote.*} keys (see {@link #DEFAULTS}); absent keys take their default, other keys are
     * ignored, and an unknown {@code remote.*} key is refused (a typo would otherwise silently keep a default).
     */
    public static RemoteImageConfig fromMap(Map<String, String> values) {
        values.keySet().stream().filter(k -> k.startsWith("remote.") && !DEFAULTS.containsKey(k)).findFirst()
                .ifPresent(k -> {
                    throw new IllegalArgumentException("unknown setting " + k + "; known: " + DEFAULTS.keySet());
                });
        Function<String, String> get = key -> values.getOrDefault(key, DEFAULTS.get(key)).strip();
        return new RemoteImageConfig(words(get.apply(ALLOWED_HOSTS)), words(get.apply(SCHEMES)),
                millis(get, TIMEOUT_MS), number(get, MAX_BYTES), Math.toIntExact(number(get, PER_HOST_CONCURRENCY)),
                millis(get, PER_HOST_WAIT_MS), s3(get),
                new RetryPolicy(Math.toIntExact(number(get, RETRY_MAX_ATTEMPTS)),
                        millis(get, RETRY_INITIAL_BACKOFF_MS), millis(get, RETRY_MAX_BACKOFF_MS)));
    }

    private static S3Settings s3(Function<String, String> get) {
        String endpoint = get.apply(S3_ENDPOINT);
        String accessKey = get.apply(S3_ACCESS_KEY);
        String secretKey = get.apply(S3_SECRET_KEY);
        Optional<S3Settings.StaticCredentials> keys = accessKey.isEmpty() && secretKey.isEmpty() ? Optional.empty()
                : Optional.of(new S3Settings.StaticCredentials(accessKey, secretKey));
        return new S3Settings(endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                get.apply(S3_REGION), bool(get, S3_PATH_STYLE), keys);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(ALLOWED_HOSTS, "");
        d.put(SCHEMES, "http,https,s3");
        d.put(TIMEOUT_MS, "10000");
        d.put(MAX_BYTES, Long.toString(16L * 1024 * 1024));
        d.put(PER_HOST_CONCURRENCY, "8");
        d.put(PER_HOST_WAIT_MS, "10000");
        d.put(S3_ENDPOINT, "");
        d.put(S3_REGION, S3Settings.DEFAULT.region());
        d.put(S3_PATH_STYLE, "false");
        d.put(S3_ACCESS_KEY, "");
        d.put(S3_SECRET_KEY, "");
        d.put(RETRY_MAX_ATTEMPTS, Integer.toString(RetryPolicy.DEFAULT.maxAttempts()));
        d.put(RETRY_INITIAL_BACKOFF_MS, Long.toString(RetryPolicy.DEFAULT.initialBackoff().toMillis()));
        d.put(RETRY_MAX_BACKOFF_MS, Long.toString(RetryPolicy.DEFAULT.maxBackoff().toMillis()));
        return Collections.unmodifiableMap(d);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static long number(Function<String, String> get, String key) {
        try {
            return Long.parseLong(get.apply(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + get.apply(key) + "'", e);
        }
    }

    private static Duration millis(Function<String, String> get, String key) {
        return Duration.ofMillis(number(get, key));
    }

    private static boolean bool(Function<String, String> get, String key) {
        return switch (get.apply(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + get.apply(key) + "'");
        };
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
