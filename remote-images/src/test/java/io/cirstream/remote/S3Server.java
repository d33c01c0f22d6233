package io.cirstream.remote;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Optional;

/**
 * A real S3 server in this JVM on 127.0.0.1 (s3proxy over jclouds' in-memory blobstore), with one bucket, and
 * an SDK client of the test's own to put objects into it.
 */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "local-access";
    static final String SECRET_KEY = "local-secret";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final S3Client client;

    S3Server(String bucket) throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                // s3proxy does not check the SDK's newer trailing checksums; send them only where S3 requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
        client.createBucket(b -> b.bucket(bucket));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    String hostPort() {
        return "127.0.0.1:" + proxy.getPort();
    }

    void put(String bucket, String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** Settings for the fetcher: this endpoint, path style, the server's keys unless others are given. */
    S3Settings settings(S3Settings.StaticCredentials keys, boolean pathStyle) {
        return new S3Settings(Optional.of(endpoint()), "us-east-1", pathStyle, Optional.of(keys));
    }

    S3Settings settings() {
        return settings(new S3Settings.StaticCredentials(ACCESS_KEY, SECRET_KEY), true);
    }

    void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }

    @Override
    public void close() {
        client.close();
        stop();
        blobs.close();
    }
}
