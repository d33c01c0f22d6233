package io.cirstream.query.app;

import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.cirstream.query.app.ErrorsIntegrationTest.assertError;

/**
 * Regression tests of issue 12: each request here got a 5xx or a 200 before, and gets its 4xx now.
 */
@IntegrationTest
class HostileRequestsIntegrationTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aTextTheModelMapsToZeroIsADegenerateQueryNotAnOpenSearchError() {
        assertError(api.postJson("/v1/search", "{\"text\":\"hello\",\"method\":\"text\"}"), 422, "degenerate_query");
    }

    @Test
    void weicomWithAZeroTextVectorIsADegenerateQuery() {
        String body = "{\"method\":\"weicom\",\"text\":\"hello\",\"reference\":{\"id\":\""
                + api.gallery.byIndex(1).id() + "\"}}";
        assertError(api.postJson("/v1/search", body), 422, "degenerate_query");
    }

    @Test
    void aReferenceIdOverTheIdLimitIsInvalidNotAnOpenSearch431() {
        String body = "{\"method\":\"image\",\"reference\":{\"id\":\"" + "a".repeat(8_000) + "\"}}";
        assertError(api.postJson("/v1/search", body), 400, "invalid_id");
    }

    @Test
    void anUploadIdOverTheLimitInUtf8BytesIsRefused() throws Exception {
        byte[] png = Files.readAllBytes(api.gallery.byIndex(3).file());
        assertError(api.postMultipart("/v1/images", Map.of("id", "画".repeat(200)), "image", png), 400, "invalid_id");
    }

    @Test
    void uploadsAndSearchesShareTheImageErrorCodes() {
        byte[] notAnImage = "not an image at all".getBytes(StandardCharsets.UTF_8);
        assertError(api.postMultipart("/v1/images", Map.of("id", "x-1"), "image", notAnImage), 415, "unsupported_image");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"method\":\"text\",\"text\":\"red\"} trailing garbage",
            "{\"method\":\"text\",\"text\":\"red\"}{}",
            "{\"method\":\"text\",\"text\":\"red\",\"k\":null}",
            "{\"method\":\"\",\"text\":\"red\"}",
            "{\"method\":null,\"text\":\"red\"}",
            "{\"method\":\"text\",\"text\":\"\"}",
            "{\"method\":\"text\",\"text\":null}",
            "{\"method\":\"sum\",\"text\":\"red\",\"reference\":null}",
            "{\"method\":\"sum\",\"text\":\"red\",\"reference\":{\"id\":\"syn-0000001\"},\"w\":1e400}",
            "{\"method\":\"sum\",\"text\":\"red\",\"reference\":{\"id\":\"syn-0000001\"},\"w\":null}",
            "{\"method\":\"text\",\"text\":\"red\",\"explain\":null}",
            "{\"method\":\"text\",\"text\":\"red\",\"filters\":null}",
            "{\"method\":\"text\",\"text\":\"red\",\"alpha_preset\":\"\"}",
            "{\"method\":\"text\",\"text\":\"red\\u0000\"}",
    })
    void nullsEmptiesNonFiniteNumbersAndTrailingTokensAre400(String body) {
        ApiFixture.Response response = api.postJson("/v1/search", body);
        ErrorsIntegrationTest.assertStatus(response, 400);
    }

    /** Found by {@link ApiFuzzIntegrationTest}: Netty's multipart decoder threw on an empty boundary (500). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
            "multipart/form-data"})
    void aMultipartBodyWithoutAUsableBoundaryIs400(String type) {
        for (String path : new String[]{"/v1/images", "/v1/search"}) {
            assertError(api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n--x--\r\n"))), 400, "bad_request");
        }
    }

    @Test
    void invalidUtf8InTheTextIs400() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"method\":\"text\",\"text\":\"red ".getBytes(StandardCharsets.UTF_8));
        body.write(0xff);
        body.write(0xfe);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        assertError(api.send(HttpRequest.newBuilder(api.uri("/v1/search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), 400, "bad_json");
    }

    /**
     * A key given twice is ambiguous: which one did the client mean, and which one will a proxy or a log parser in
     * front of us read? Events already refuse it; request bodies and watch filters used to let the last one win.
     */
    @Test
    void aKeyGivenTwiceIsRefusedNotLastWins() {
        assertError(api.postJson("/v1/search", "{\"method\":\"text\",\"text\":\"red\",\"k\":1,\"k\":2}"), 400,
                "bad_json");
        assertError(api.postJson("/v1/search", "{\"method\":\"text\",\"text\":\"red\",\"filters\":"
                + "{\"collection\":\"a\",\"collection\":\"b\"}}"), 400, "bad_json");
        String filters = URLEncoder.encode("{\"collection\":\"a\",\"collection\":\"b\"}", StandardCharsets.UTF_8);
        assertError(api.get("/v1/watch?method=text&text=red&filters=" + filters), 400, "bad_filter");
    }

    /** A typo used to be ignored (the watch ran on the default threshold), a repeat to use its first value. */
    @Test
    void aWatchRefusesUnknownAndRepeatedParameters() {
        assertError(api.get("/v1/watch?method=text&text=red&treshold=0.9"), 400, "unknown_field");
        assertError(api.get("/v1/watch?method=text&text=red&threshold=0.9&threshold=0.1"), 400, "bad_parameter");
        assertError(api.get("/v1/watch?method=text&text=red&text=blue"), 400, "bad_parameter");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"threshold=NaN", "threshold=Infinity", "threshold=-Infinity", "threshold=2",
            "threshold=", "w=NaN", "w=Infinity", "method=", "text=", "text=%FF%FE"})
    void watchRefusesNonFiniteAndEmptyParameters(String bad) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("method", "text", "text", "red"));
        params.put(bad.substring(0, bad.indexOf('=')), bad.substring(bad.indexOf('=') + 1));
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value));
        ApiFixture.Response response = api.get("/v1/watch?" + query);
        ErrorsIntegrationTest.assertStatus(response, 400);
    }
}
