package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several API instances behind one address (docs/operations.md): each is stateless, so two instances of one deployment
 * give the same answer to the same request, and one going away leaves the other answering.
 */
@IntegrationTest
class TwoApiInstancesIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoInstancesAnswerAlikeAndEachStandsAlone() throws Exception {
        try (ApiFixture api = ApiFixture.start(Map.of())) {
            QueryApiServer second = QueryApiServer.start(api.config, api.runtime);
            try {
                assertThat(second.port()).isNotEqualTo(api.server.port());
                String reference = api.gallery.layout.imageName(3);
                String body = "{\"method\":\"sum\",\"reference\":{\"id\":\"" + reference + "\"},\"text\":\"red\",\"k\":8}";
                JsonNode first = search(api.server.port(), body);
                JsonNode other = search(second.port(), body);
                assertThat(first.path("results")).hasSize(8);
                assertThat(ids(other)).isEqualTo(ids(first));
            } finally {
                api.server.close();
                // the first instance gone, the second still answers on its own
                assertThat(ids(search(second.port(), "{\"method\":\"text\",\"text\":\"red\",\"k\":5}"))).hasSize(5);
                second.close();
            }
        }
    }

    private JsonNode search(int port, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("results").forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }
}
