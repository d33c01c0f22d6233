package io.cirstream.query.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.GeneratorOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack without the pseudo-token and combiner networks (vit-b32-shaped) answers 400 for those methods. */
@IntegrationTest
class PackCapabilitiesIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"pseudo_token", "combiner"})
    void methodsThePackCannotRunAre400(String method) throws Exception {
        Path pack = PackGenerator.generate(PackGenerator.VIT_B32_SHAPED, Path.of("target", "test-packs", "vit-b32-shaped-l1")
                .toAbsolutePath(), GeneratorOptions.defaults().withLayers(1));
        try (ModelRuntime runtime = ModelRuntime.load(pack, RuntimeOptions.defaults().withThreads(2));
             QueryApiServer server = QueryApiServer.start(QueryApiConfig.from(LocalInfra.settings(Map.of(
                     QueryApiConfig.PORT.name(), "0", "opensearch.index", LocalInfra.uniqueName("no-index"),
                     QueryApiConfig.TOPIC_PREFIX.name(), LocalInfra.uniqueName("caps") + "."))), runtime)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/v1/search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"method\":\"" + method + "\",\"text\":\"red\",\"reference\":{\"id\":\"x\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body.path("error").path("code").asText()).isEqualTo("method_unavailable");
        }
    }
}
