package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cirstream.contract.json.Json;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.model.composition.CompositionParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire format only: what the client sends and how it reads answers, against a loopback HTTP stub. */
class SearchApiClientTest {
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private HttpServer server;

    private URI serve(int status, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/search", exchange -> {
            received.set(Json.mapper().readTree(exchange.getRequestBody()));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheMethodInputsWeightsAndCollectionAndKeepsTheReference() throws IOException {
        URI api = serve(200, """
                {"results": [{"id": "b", "score": 0.75, "metadata": {}}, {"id": "a", "score": 0.5}],
                 "timings": {"totalMs": 3.0}}""");
        try (SearchApiClient client = new SearchApiClient(api)) {
            SearchApiClient.Answer answer = client.search(new SearchApiClient.Request("slerp", "ref-1", "make it red",
                    new CompositionParams(0.3, 0.7, 0.6), 51, "synthetic-val"));
            assertThat(answer.results()).containsExactly(new ScoredId("b", 0.75), new ScoredId("a", 0.5));
            assertThat(answer.latency()).isPositive();
        }
        JsonNode body = received.get();
        assertThat(body.path("reference").path("id").asText()).isEqualTo("ref-1");
        assertThat(body.path("text").asText()).isEqualTo("make it red");
        assertThat(body.path("method").asText()).isEqualTo("slerp");
        assertThat(body.path("k").asInt()).isEqualTo(51);
        assertThat(body.path("exclude_reference").asBoolean(true)).isFalse();
        assertThat(body.path("w").asDouble()).isEqualTo(0.3);
        assertThat(body.path("alpha").asDouble()).isEqualTo(0.7);
        assertThat(body.path("lambda").asDouble()).isEqualTo(0.6);
        assertThat(body.path("filters").path("collection").asText()).isEqualTo("synthetic-val");
    }

    @Test
    void leavesOutTheInputsAMethodDoesNotTake() throws IOException {
        URI api = serve(200, "{\"results\": []}");
        try (SearchApiClient client = new SearchApiClient(api)) {
            client.search(new SearchApiClient.Request("text", null, "a red car", CompositionParams.defaults(), 10, "c"));
        }
        assertThat(received.get().has("reference")).isFalse();
        assertThat(received.get().path("text").asText()).isEqualTo("a red car");
    }

    @Test
    void turnsAnErrorAnswerIntoAnExceptionCarryingTheApiCode() throws IOException {
        URI api = serve(400, "{\"error\": {\"code\": \"unknown_method\", \"message\": \"no such method\"}}");
        try (SearchApiClient client = new SearchApiClient(api)) {
            assertThatThrownBy(() -> client.search(new SearchApiClient.Request("sum", "r", "t",
                    CompositionParams.defaults(), 10, "c")))
                    .isInstanceOf(SearchApiClient.SearchFailedException.class)
                    .hasMessageContaining("400").hasMessageContaining("unknown_method: no such method");
        }
    }

    @Test
    void refusesAnAnswerWithoutResults() throws IOException {
        URI api = serve(200, "{\"hits\": []}");
        try (SearchApiClient client = new SearchApiClient(api)) {
            assertThatThrownBy(() -> client.search(new SearchApiClient.Request("image", "r", null,
                    CompositionParams.defaults(), 10, "c"))).hasMessageContaining("no results array");
        }
    }
}
