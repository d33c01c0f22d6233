package io.cirstream.remote;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;

/**
 * Images in S3 or an S3-compatible store, read with the AWS SDK (its signer, its credential chain) on the
 * JDK's URL connection client. The SDK's own retries are off: retrying is the caller's, through
 * {@link Retrier}, so one fetch is one request bounded by the time limit (the SDK's API-call time-out, which
 * covers connect, headers and the body read inside the call).
 */
final class S3Source implements Source {

    private static final Set<String> THROTTLING_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled");
    private static final Set<String> MISSING_CODES = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchVersion");

    private final S3Client s3;
    private final Duration timeout;
    private final long maxBytes;

    S3Source(S3Settings settings, Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                // S3-compatible servers often lack the newer flexible checksums; only ask for them when S3 requires.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.credentials().<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** The URL the SDK itself would request (endpoint override, path or virtual-host style), hence its host:port. */
    @Override
    public Endpoint endpoint(URI uri) throws FetchException {
        S3Location location = S3Location.of(uri);
        try {
            return Endpoint.of(s3.utilities().getUrl(b -> b.bucket(location.bucket()).key(location.key())).toURI());
        } catch (URISyntaxException | IllegalArgumentException | SdkClientException e) {
            throw FetchReason.MALFORMED_URI.failure("'" + uri + "' does not map to an S3 URL: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] fetch(URI uri) throws FetchException {
        S3Location location = S3Location.of(uri);
        GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build();
        try {
            return s3.getObject(request, (response, body) -> read(uri, response, body));
        } catch (S3Exception e) {
            throw classify(uri, e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw FetchReason.TIMEOUT.failure("fetching " + uri + " took longer than " + timeout.toMillis() + " ms", e);
        } catch (AbortedException e) {
            Thread.currentThread().interrupt();
            throw FetchReason.INTERRUPTED.failure("interrupted while fetching " + uri, e);
        } catch (SdkClientException e) {
            throw Failures.ofNetwork(e, uri).orElseGet(
                    () -> FetchReason.SDK_ERROR.failure("the S3 client could not fetch " + uri + ": " + e.getMessage(), e));
        }
    }

    /** Reads at most one byte past the limit; an over-long body is aborted, not drained. */
    private byte[] read(URI uri, GetObjectResponse response, AbortableInputStream body) throws IOException, FetchException {
        Long declared = response.contentLength();
        if (declared != null && declared > maxBytes) {
            body.abort();
            throw FetchReason.TOO_LARGE.failure(uri + " declares " + declared + " bytes; the limit is " + maxBytes);
        }
        byte[] bytes = body.readNBytes(Math.toIntExact(maxBytes + 1));
        if (bytes.length > maxBytes) {
            body.abort();
            throw FetchReason.TOO_LARGE.failure(uri + " sent more than " + maxBytes + " bytes; the limit is " + maxBytes);
        }
        return bytes;
    }

    private static FetchException classify(URI uri, S3Exception e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        FetchReason reason = THROTTLING_CODES.contains(code) ? FetchReason.THROTTLED
                : MISSING_CODES.contains(code) ? FetchReason.NOT_FOUND
                : "AccessDenied".equals(code) ? FetchReason.FORBIDDEN
                : FetchReason.forStatus(e.statusCode());
        return reason.failure(uri + " answered HTTP " + e.statusCode() + (code.isEmpty() ? "" : " " + code)
                + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
