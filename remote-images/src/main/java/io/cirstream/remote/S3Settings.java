package io.cirstream.remote;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code s3://bucket/key} images are read from.
 *
 * @param endpoint    an S3-compatible server (MinIO, Ceph, a local test server); empty means AWS itself
 * @param region      the signing region (S3-compatible servers usually accept any, e.g. {@code us-east-1})
 * @param pathStyle   {@code http://endpoint/bucket/key} instead of {@code http://bucket.endpoint/key}; most
 *                    S3-compatible servers need it
 * @param credentials explicit keys, meant for local servers; empty means the AWS default chain (environment,
 *                    system properties, profile files, container/instance roles)
 */
public record S3Settings(Optional<URI> endpoint, String region, boolean pathStyle,
                         Optional<StaticCredentials> credentials) {

    public static final S3Settings DEFAULT = new S3Settings(Optional.empty(), "us-east-1", false, Optional.empty());

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("the S3 region must not be empty");
        }
        endpoint.ifPresent(S3Settings::requireHttpEndpoint);
    }

    /** An access key pair; {@link #toString()} masks the secret so the configuration can be printed. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey) {
        public StaticCredentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("static S3 credentials need both an access key id and a secret key");
            }
        }

        @Override
        public String toString() {
            return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }

    private static void requireHttpEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the S3 endpoint must be an http(s) URL with a host, got " + endpoint);
        }
    }
}
