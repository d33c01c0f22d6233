package io.cirstream.query.search;

import io.cirstream.query.error.QueryError;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only the checks that run before any connection; fetching itself is covered by the integration test. */
class UrlFetcherTest {

    @Test
    void disabledByDefaultConfiguration() {
        UrlFetcher off = new UrlFetcher(new UrlFetcher.Policy(false, Set.of("localhost"), 1000, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> off.check(URI.create("http://localhost/a.png")))
                .isInstanceOfSatisfying(QueryError.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                        .isEqualTo("url_fetch_disabled"));
    }

    @Test
    void onlyAllowListedHttpHosts() {
        UrlFetcher on = new UrlFetcher(new UrlFetcher.Policy(true, Set.of("LocalHost"), 1000, Duration.ofSeconds(1)));
        assertThatCode(() -> on.check(URI.create("http://localhost:8080/a.png"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> on.check(URI.create("http://127.0.0.1/a.png"))).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> on.check(URI.create("ftp://localhost/a.png"))).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> on.check(URI.create("file:///etc/passwd"))).hasMessageContaining("only http and https");
    }
}
