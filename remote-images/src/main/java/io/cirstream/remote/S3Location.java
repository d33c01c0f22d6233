package io.cirstream.remote;

import java.net.URI;
import java.util.regex.Pattern;

/** An object named {@code s3://bucket/key}; the key is the decoded path without its leading slash. */
record S3Location(String bucket, String key) {

    // S3's bucket rules (3-63 lower-case letters, digits, dots, hyphens), plus the legacy underscore.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

    static S3Location of(URI uri) throws FetchException {
        String bucket = uri.getRawAuthority();
        String path = uri.getPath();
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw FetchReason.MALFORMED_URI.failure("'" + uri + "' does not name a valid bucket (s3://bucket/key)");
        }
        if (path == null || path.length() < 2 || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw FetchReason.MALFORMED_URI.failure("'" + uri + "' does not name an object key (s3://bucket/key, "
                    + "no query or fragment)");
        }
        return new S3Location(bucket, path.substring(1));
    }
}
