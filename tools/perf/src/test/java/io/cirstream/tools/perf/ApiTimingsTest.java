package io.cirstream.tools.perf;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTimingsTest {

    @Test
    void readsTheTimingsObjectNotLookalikeKeysInHitMetadata() {
        String answer = "{\"results\":[{\"id\":\"a\",\"metadata\":{\"knn_ms\":99}}],"
                + "\"timings\":{\"encode_ms\":0.01,\"knn_ms\":3.25,\"total_ms\":3.5E0},\"method\":\"sum\"}";
        assertThat(ApiTimings.number(answer, "\"knn_ms\":")).isEqualTo(3.25);
        assertThat(ApiTimings.number(answer, "\"total_ms\":")).isEqualTo(3.5);
        assertThat(ApiTimings.number("{\"error\":\"x\"}", "\"knn_ms\":")).isNaN();
    }

    @Test
    void mediansSkipAnswersWithoutTimings() {
        ApiTimings timings = new ApiTimings(4);
        timings.record(bytes("{\"timings\":{\"knn_ms\":1.0,\"total_ms\":2.0}}"), 0);
        timings.record(bytes("{\"timings\":{\"knn_ms\":3.0,\"total_ms\":4.0}}"), 1);
        timings.record(bytes("{\"timings\":{\"knn_ms\":5.0,\"total_ms\":6.0}}"), 3);
        assertThat(timings.knnP50()).isEqualTo(3.0);
        assertThat(timings.totalP50()).isEqualTo(4.0);
        assertThat(new ApiTimings(2).knnP50()).isNaN();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
