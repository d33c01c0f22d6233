package io.cirstream.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteImageConfigTest {

    @Test
    void defaultsRefuseEveryHostAndKeepTheLimits() {
        RemoteImageConfig config = RemoteImageConfig.fromMap(Map.of());
        assertThat(config.allowedHosts()).isEmpty();
        assertThat(config.schemes()).containsExactlyInAnyOrder("http", "https", "s3");
        assertThat(config.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.totalTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.s3()).isEqualTo(S3Settings.DEFAULT);
        assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void everyKeyIsRead() {
        RemoteImageConfig config = RemoteImageConfig.fromMap(Map.ofEntries(
                Map.entry("remote.allowed-hosts", " CDN.example.com , 127.0.0.1:9000"),
                Map.entry("remote.schemes", "https,s3"),
                Map.entry("remote.timeout-ms", "2500"),
                Map.entry("remote.max-bytes", "1000"),
                Map.entry("remote.per-host-concurrency", "3"),
                Map.entry("remote.per-host-wait-ms", "700"),
                Map.entry("remote.s3.endpoint", "http://127.0.0.1:9000"),
                Map.entry("remote.s3.region", "eu-west-1"),
                Map.entry("remote.s3.path-style", "true"),
                Map.entry("remote.s3.access-key", "local"),
                Map.entry("remote.s3.secret-key", "hunter2"),
                Map.entry("remote.retry.max-attempts", "7"),
                Map.entry("remote.retry.initial-backoff-ms", "50"),
                Map.entry("remote.retry.max-backoff-ms", "5000"),
                Map.entry("kafka.bootstrap", "ignored")));
        assertThat(config).isEqualTo(new RemoteImageConfig(Set.of("cdn.example.com", "127.0.0.1:9000"),
                Set.of("https", "s3"), Duration.ofMillis(2500), 1000, 3, Duration.ofMillis(700),
                new S3Settings(Optional.of(URI.create("http://127.0.0.1:9000")), "eu-west-1", true,
                        Optional.of(new S3Settings.StaticCredentials("local", "hunter2"))),
                new RetryPolicy(7, Duration.ofMillis(50), Duration.ofSeconds(5))));
        assertThat(config.toString()).doesNotContain("hunter2").contains("local");
        assertThat(RemoteImageConfig.DEFAULTS).containsKeys("remote.s3.secret-key", "remote.retry.max-backoff-ms");
    }

    @Test
    void typosAndBadValuesAreRefused() {
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.max-byte", "5")))
                .hasMessageContaining("unknown setting remote.max-byte");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.schemes", "ftp")))
                .hasMessageContaining("schemes");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.timeout-ms", "soon")))
                .hasMessageContaining("remote.timeout-ms");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.max-bytes", "0")))
                .hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.s3.path-style", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.s3.access-key", "only-half")))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> RemoteImageConfig.fromMap(Map.of("remote.s3.endpoint", "ftp://x")))
                .hasMessageContaining("endpoint");
    }
}
