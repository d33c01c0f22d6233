package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.SecuredOpenSearch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query API searching through the secured OpenSearch front (TLS with a private CA, basic auth). */
@IntegrationTest
class SecuredOpenSearchApiIntegrationTest {

    @Test
    void searchesThroughTlsAndBasicAuth() throws Exception {
        try (ApiFixture api = ApiFixture.start(SecuredOpenSearch.settings())) {
            String reference = api.gallery.layout.imageName(0);
            ApiFixture.Response response = api.postJson("/v1/search",
                    "{\"method\":\"image\",\"reference\":{\"id\":\"" + reference + "\"},\"k\":5}");
            assertThat(response.status()).as("%s", response.json()).isEqualTo(200);
            JsonNode results = response.json().path("results");
            assertThat(results).hasSize(5);
            assertThat(api.get("/v1/images/" + reference).status()).isEqualTo(200);
            ApiFixture.Response ready = api.get("/ready");
            assertThat(ready.json().path("checks").path("opensearch").asBoolean()).as(ready.json().toString()).isTrue();
        }
    }
}
