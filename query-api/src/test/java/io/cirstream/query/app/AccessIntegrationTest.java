package io.cirstream.query.app;

import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static io.cirstream.query.app.ErrorsIntegrationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Optional API key on /v1 and configured CORS origins. */
@IntegrationTest
class AccessIntegrationTest {
    private static final String KEY = "s3cret-key";
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of(QueryApiConfig.API_KEY.name(), KEY,
                QueryApiConfig.CORS.name(), "http://localhost:3000"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void apiRoutesNeedTheKeyOpsRoutesDoNot() {
        String body = "{\"method\":\"text\",\"text\":\"red\",\"k\":2}";
        assertError(api.postJson("/v1/search", body), 401, "unauthorized");
        assertError(api.send(search(body).header("X-API-Key", "wrong")), 401, "unauthorized");
        assertThat(api.send(search(body).header("X-API-Key", KEY)).status()).isEqualTo(200);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        ApiFixture.Response allowed = api.send(preflight("http://localhost:3000"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        ApiFixture.Response other = api.send(preflight("http://elsewhere.invalid"));
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    private static HttpRequest.Builder search(String body) {
        return HttpRequest.newBuilder(api.uri("/v1/search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(api.uri("/v1/search")).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }
}
