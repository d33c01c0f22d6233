package io.cirstream.contract.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenSearchConfigTest {

    @Test
    void oneUrlStillWorksAndSeveralUrlsWin() {
        assertThat(OpenSearchConfig.from(Settings.of(Map.of("opensearch.url", "https://os:9200"))).urls())
                .containsExactly(URI.create("https://os:9200"));
        OpenSearchConfig several = OpenSearchConfig.from(Settings.of(Map.of("opensearch.url", "http://ignored:9200",
                "opensearch.urls", " https://a:9200 , https://b:9200,")));
        assertThat(several.urls()).containsExactly(URI.create("https://a:9200"), URI.create("https://b:9200"));
        assertThat(several.url()).isEqualTo(URI.create("https://a:9200"));
        assertThatThrownBy(() -> OpenSearchConfig.from(Settings.of(Map.of("opensearch.urls", "https://a,ftp://b"))))
                .hasMessageContaining("opensearch.urls").hasMessageContaining("http(s)");
    }

    @Test
    void tlsDefaultsToJvmTrustWithHostnamesVerified() {
        OpenSearchConfig.Tls tls = OpenSearchConfig.from(Settings.of(Map.of())).tls();
        assertThat(tls).isEqualTo(OpenSearchConfig.Tls.DEFAULT);
        assertThat(tls.customTrust()).isFalse();
        assertThat(tls.verifyHostname()).isTrue();
    }

    @Test
    void tlsKeysAreRead() {
        OpenSearchConfig.Tls tls = OpenSearchConfig.from(Settings.of(Map.of("opensearch.tls.ca-pem", "/etc/ca.pem",
                "opensearch.tls.truststore", "/etc/t.jks", "opensearch.tls.truststore-password", "pw",
                "opensearch.tls.truststore-type", "JKS", "opensearch.tls.verify-hostname", "false"))).tls();
        assertThat(tls).isEqualTo(new OpenSearchConfig.Tls(Optional.of(Path.of("/etc/ca.pem")),
                Optional.of(Path.of("/etc/t.jks")), "pw", "JKS", false));
        assertThat(tls.customTrust()).isTrue();
    }

    @Test
    void passwordsAreMaskedWhereverTheConfigurationIsPrinted() {
        Settings settings = Settings.of(Map.of("opensearch.username", "svc", "opensearch.password", "hunter2-os",
                "opensearch.tls.truststore", "/t.p12", "opensearch.tls.truststore-password", "hunter2-ts"));
        String described = settings.describe("test", List.copyOf(OpenSearchConfig.KEYS));
        OpenSearchConfig config = OpenSearchConfig.from(settings);
        for (String printed : List.of(described, config.toString(), config.tls().toString())) {
            assertThat(printed).doesNotContain("hunter2");
        }
        assertThat(described).contains("opensearch.password", "****", "svc");
    }
}
