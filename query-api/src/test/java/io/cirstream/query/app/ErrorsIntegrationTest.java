package io.cirstream.query.app;

import com.sun.net.httpserver.HttpServer;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input gets the right 4xx and the one error shape; URL references obey the allow-list. */
@IntegrationTest
class ErrorsIntegrationTest {
    private static ApiFixture api;
    private static HttpServer images;
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        images = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        images.createContext("/img.png", exchange -> {
            FETCHES.incrementAndGet();
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        images.start();
        // The allow-list names host and port: the same host on another port is refused.
        api = ApiFixture.start(Map.of(QueryApiConfig.BODY_LIMIT.name(), "1048576",
                QueryApiConfig.URL_FETCH.name(), "true",
                QueryApiConfig.URL_HOSTS.name(), "localhost:" + images.getAddress().getPort()));
        png = Files.readAllBytes(api.gallery.byIndex(5).file());
    }

    @AfterAll
    static void stop() {
        images.stop(0);
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"method\":\"image\",\"reference\":{\"id\":\"no-such-image\"}}            | 404 | unknown_image",
            "{\"method\":\"image\",\"reference\":{\"id\":\"syn-0000001\"},\"k\":0}      | 400 | bad_k",
            "{\"method\":\"image\",\"reference\":{\"id\":\"syn-0000001\"},\"k\":201}    | 400 | bad_k",
            "{\"method\":\"image\",\"reference\":{\"id\":\"syn-0000001\"},\"k\":\"ten\"} | 400 | bad_k",
            "{\"method\":\"mean\",\"reference\":{\"id\":\"syn-0000001\"}}               | 400 | unknown_method",
            "{\"method\":\"sum\",\"reference\":{\"id\":\"syn-0000001\"}}                | 400 | missing_text",
            "{\"method\":\"sum\",\"text\":\"red\"}                                      | 400 | missing_reference",
            "{\"method\":\"text\",\"text\":\"red\",\"colour\":1}                         | 400 | unknown_field",
            "{\"method\":\"slerp\",\"text\":\"red\",\"reference\":{\"id\":\"syn-0000001\"},\"alpha\":1.5} | 400 | bad_parameter",
            "{\"method\":\"text\",\"text\":\"red\",\"filters\":{\"colour\":\"red\"}}     | 400 | bad_filter",
            "{\"method\":\"text\",\"text\":\"red\",\"filters\":{\"near\":{\"lat\":91,\"lon\":0,\"km\":1}}} | 400 | bad_filter",
            "{\"method\":\"text\",\"text\":\"red\",\"filters\":{\"captured_at\":{\"from\":\"yesterday\"}}} | 400 | bad_filter",
            "{\"method\":\"image\",\"reference\":{\"id\":\"a\",\"url\":\"http://localhost/x\"}} | 400 | bad_reference",
            "{\"method\":\"image\",\"reference\":{\"image_base64\":\"bm90IGFuIGltYWdl\"}} | 415 | unsupported_image",
            "{\"method\": \"image\",                                                    | 400 | bad_json",
            "[1, 2]                                                                      | 400 | bad_json",
    })
    void badSearchRequests(String body, int status, String code) {
        assertError(api.postJson("/v1/search", body), status, code);
    }

    @Test
    void truncatedImageIsRefusedAsCorrupt() {
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        String body = "{\"method\":\"image\",\"reference\":{\"image_base64\":\""
                + Base64.getEncoder().encodeToString(truncated) + "\"}}";
        assertError(api.postJson("/v1/search", body), 400, "corrupt_image");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String body = "{\"method\":\"text\",\"text\":\"" + "a".repeat(1_200_000) + "\"}";
        assertError(api.postJson("/v1/search", body), 413, "body_too_large");
    }

    @Test
    void wrongContentTypeIs415() {
        assertError(api.send(HttpRequest.newBuilder(api.uri("/v1/search")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "unsupported_media_type");
    }

    @Test
    void unknownRouteAndMethodAnswerInTheErrorShape() {
        assertError(api.get("/v1/nothing-here"), 404, "not_found");
        assertError(api.get("/v1/search"), 405, "method_not_allowed");
    }

    @Test
    void urlReferencesOutsideTheAllowListAreRefusedBeforeAnyConnection() {
        int port = images.getAddress().getPort();
        int before = FETCHES.get();
        assertError(api.postJson("/v1/search", urlRequest("http://127.0.0.1:" + port + "/img.png")), 400, "url_not_allowed");
        assertError(api.postJson("/v1/search", urlRequest("file:///etc/passwd")), 400, "url_not_allowed");
        assertError(api.postJson("/v1/search", urlRequest("http://localhost:" + (port == 65535 ? 1 : port + 1)
                + "/img.png")), 400, "url_not_allowed");
        assertError(api.postJson("/v1/search", urlRequest("http://localhost/img.png")), 400, "url_not_allowed");
        assertThat(FETCHES.get()).isEqualTo(before);

        ApiFixture.Response allowed = api.postJson("/v1/search", urlRequest("http://localhost:" + port + "/img.png"));
        assertThat(allowed.status()).as(allowed.json().toString()).isEqualTo(200);
        assertThat(allowed.json().path("results").get(0).path("id").asText()).isEqualTo(api.gallery.byIndex(5).id());
        assertThat(FETCHES.get()).isEqualTo(before + 1);
    }

    private static String urlRequest(String url) {
        return "{\"method\":\"image\",\"k\":3,\"reference\":{\"url\":\"" + url + "\"}}";
    }

    /** A 4xx in the one error shape, whatever its code. */
    static void assertStatus(ApiFixture.Response response, int status) {
        assertThat(response.status()).as(new String(response.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("error").path("code").asText()).isNotBlank();
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
    }

    static void assertError(ApiFixture.Response response, int status, String code) {
        assertThat(response.status()).as(response.json().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("error").path("code").asText()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asText()).isNotBlank();
    }
}
