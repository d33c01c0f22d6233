package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: seeded hostile requests against a real API (real Kafka, OpenSearch, ONNX Runtime). Every answer
 * is a success or a 4xx in the one error shape with a documented code whose status it carries; never a 5xx.
 * Afterwards the server still answers a good query correctly. Bounded: a fixed case count per seed, and
 * generation stops early (reporting how far it got) past a time budget.
 */
@IntegrationTest
class ApiFuzzIntegrationTest {
    private static final long[] SEEDS = {12L, 1_2024L, 0xC1A5L};
    private static final int CASES_PER_SEED = 1000;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        // URL fetching on, allow-listed to a closed loopback port: URL references are tried, never reach anything.
        api = ApiFixture.start(Map.of(QueryApiConfig.BODY_LIMIT.name(), "1048576",
                QueryApiConfig.URL_FETCH.name(), "true", QueryApiConfig.URL_HOSTS.name(), "127.0.0.1:1",
                QueryApiConfig.URL_TIMEOUT.name(), "500"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void hostileRequestsGetA4xxInTheErrorShapeAndTheServerStillAnswers() {
        Set<String> documented = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toSet());
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> api.gallery.byIndex(i).id()).toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        long start = System.nanoTime();
        int tried = 0;
        generation:
        for (long seed : SEEDS) {
            HostileRequests generator = new HostileRequests(seed, api, ids);
            for (int i = 0; i < CASES_PER_SEED; i++) {
                if (System.nanoTime() - start > BUDGET_NANOS) {
                    break generation;
                }
                HostileRequests.Case next = generator.next();
                var request = next.request();
                String described = next.label() + " seed " + seed + " #" + i + " " + request.copy().build();
                tried++;
                try {
                    ApiFixture.Response response = api.send(request);
                    String problem = problem(response, documented);
                    outcomes.merge(response.status() + " " + response.json().path("error").path("code").asText(""),
                            1, Integer::sum);
                    if (problem != null && findings.size() < 20) {
                        findings.add(described + ": " + problem);
                    }
                } catch (RuntimeException e) {
                    outcomes.merge("client exception", 1, Integer::sum);
                    if (findings.size() < 20) {
                        findings.add(described + ": " + e);
                    }
                }
            }
        }
        System.out.printf("API fuzz: %d hostile requests over seeds %s in %.1f s; outcomes %s; findings %d%n",
                tried, Arrays.toString(SEEDS), (System.nanoTime() - start) / 1e9, outcomes, findings.size());
        findings.forEach(f -> System.out.println("  finding: " + f));
        assertThat(findings).as("requests answered outside the contract").isEmpty();

        ApiFixture.Response good = api.postJson("/v1/search", "{\"method\":\"image\",\"k\":3,\"exclude_reference\":false,"
                + "\"reference\":{\"id\":\"" + ids.get(2) + "\"}}");
        assertThat(good.status()).as(good.json().toString()).isEqualTo(200);
        assertThat(good.json().path("results").get(0).path("id").asText()).isEqualTo(ids.get(2));
    }

    /** Null when the answer keeps the contract, else what is wrong with it. */
    private static String problem(ApiFixture.Response response, Set<String> documented) {
        int status = response.status();
        if (status == 200 || status == 202) {
            return null;
        }
        String body = new String(response.bytes(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return "server error " + status + " " + body;
        }
        JsonNode error = response.json().path("error");
        String code = error.path("code").asText("");
        if (!documented.contains(code) || error.path("message").asText("").isBlank()) {
            return "status " + status + " without a documented error code and message: " + body;
        }
        if (ErrorCode.valueOf(code.toUpperCase(java.util.Locale.ROOT)).status() != status) {
            return "code " + code + " answered with status " + status;
        }
        return null;
    }
}
