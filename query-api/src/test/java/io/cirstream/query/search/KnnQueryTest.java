package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.query.error.QueryError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnnQueryTest {

    @Test
    void filtersGoInsideTheKnnClause() throws Exception {
        Filters filters = FilterParser.parse(Json.mapper().readTree("""
                {"collection": "alpha", "tags": ["red", "ship"],
                 "captured_at": {"from": "2024-01-01T00:00:00Z"},
                 "bbox": {"top": 11, "left": 1, "bottom": 9, "right": 2},
                 "near": {"lat": 10, "lon": 4, "km": 25}}"""));
        JsonNode body = new KnnQuery(new float[]{0.6f, 0.8f}, 11, filters, false).toJson();

        JsonNode knn = body.path("query").path("knn").path("vector");
        assertThat(body.path("size").asInt()).isEqualTo(11);
        assertThat(knn.path("k").asInt()).isEqualTo(11);
        assertThat(knn.path("vector").get(1).floatValue()).isEqualTo(0.8f);
        assertThat(body.path("_source").path("excludes").get(0).asText()).isEqualTo("vector");
        JsonNode clauses = knn.path("filter").path("bool").path("filter");
        assertThat(clauses).hasSize(5);
        assertThat(clauses.get(0).path("terms").path("collection").get(0).asText()).isEqualTo("alpha");
        assertThat(clauses.get(1).path("terms").path("tags")).hasSize(2);
        assertThat(clauses.get(2).path("range").path("captured_at").path("gte").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(clauses.get(2).path("range").path("captured_at").has("lte")).isFalse();
        assertThat(clauses.get(3).path("geo_bounding_box").path("geo").path("top_left").path("lon").asDouble()).isEqualTo(1.0);
        assertThat(clauses.get(4).path("geo_distance").path("distance").asText()).isEqualTo("25.0km");
    }

    @Test
    void efSearchIsAMethodParameterOfAtLeastK() {
        JsonNode knn = new KnnQuery(new float[]{1f}, 20, Filters.none(), false).toJson(100).path("query").path("knn")
                .path("vector");
        assertThat(knn.path("method_parameters").path("ef_search").asInt()).isEqualTo(100);
        assertThat(new KnnQuery(new float[]{1f}, 200, Filters.none(), false).toJson(100).path("query").path("knn")
                .path("vector").path("method_parameters").path("ef_search").asInt()).isEqualTo(200);
        assertThat(new KnnQuery(new float[]{1f}, 20, Filters.none(), false).toJson(0).path("query").path("knn")
                .path("vector").has("method_parameters")).isFalse();
    }

    @Test
    void noFiltersNoFilterClauseAndVectorsWhenAsked() {
        JsonNode body = new KnnQuery(new float[]{1f}, 3, Filters.none(), true).toJson();
        assertThat(body.path("query").path("knn").path("vector").has("filter")).isFalse();
        assertThat(body.has("_source")).isFalse();
    }

    @Test
    void badFiltersNameTheField() {
        assertBad("{\"colour\": \"red\"}", "unknown filter 'colour'");
        assertBad("{\"tags\": []}", "tags must be a non-empty string or an array");
        assertBad("{\"tags\": \"\"}", "tags must be a non-empty string or an array");
        assertBad("{\"tags\": [1]}", "tags values must be non-empty strings");
        assertBad("{\"tags\": null}", "tags must be a non-empty string");
        assertBad("{\"near\": null}", "near must not be null");
        assertBad("{\"near\": {\"lat\": 0, \"lon\": 1e400, \"km\": 1}}", "near.lon must be a finite number");
        assertBad("{\"captured_at\": {\"from\": null}}", "captured_at.from must be an ISO-8601 instant string");
        assertBad("{\"bbox\": {\"top\": 1, \"left\": 0, \"bottom\": 2, \"right\": 1}}", "bbox.bottom must not be north");
        assertBad("{\"near\": {\"lat\": 0, \"lon\": 0, \"km\": 0}}", "near.km must be within");
        assertBad("{\"near\": {\"lat\": 0, \"lon\": 200, \"km\": 1}}", "near.lon must be a longitude");
        assertBad("{\"captured_at\": {\"from\": \"2024-02-01T00:00:00Z\", \"to\": \"2024-01-01T00:00:00Z\"}}", "after");
        assertBad("[]", "filters must be an object");
    }

    @Test
    void luceneScoresBecomeSimilarities() {
        assertThat(ScoreConversion.toSimilarity(io.cirstream.contract.pack.SpaceType.COSINE, 0.75)).isEqualTo(0.5);
        assertThat(ScoreConversion.toSimilarity(io.cirstream.contract.pack.SpaceType.INNER_PRODUCT, 1.25)).isEqualTo(0.25);
        assertThat(ScoreConversion.toSimilarity(io.cirstream.contract.pack.SpaceType.INNER_PRODUCT, 0.5)).isEqualTo(-1.0);
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> FilterParser.parse(Json.mapper().readTree(json)))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("bad_filter"))
                .hasMessageContaining(message);
    }
}
