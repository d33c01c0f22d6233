package io.cirstream.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkItemTest {

    private static BulkItem item(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        return BulkItem.of(node);
    }

    @Test
    void classifiesEachOutcome() throws Exception {
        assertThat(item("{\"index\":{\"status\":201}}").outcome()).isEqualTo(BulkItem.Outcome.DONE);
        assertThat(item("{\"delete\":{\"status\":404,\"result\":\"not_found\"}}").outcome()).isEqualTo(BulkItem.Outcome.DONE);
        assertThat(item("{\"index\":{\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\"}}}")
                .outcome()).isEqualTo(BulkItem.Outcome.CONFLICT);
        assertThat(item("{\"index\":{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\"}}}")
                .outcome()).isEqualTo(BulkItem.Outcome.RETRY);
        assertThat(item("{\"index\":{\"status\":503,\"error\":{\"type\":\"unavailable_shards_exception\"}}}")
                .outcome()).isEqualTo(BulkItem.Outcome.RETRY);
        BulkItem refused = item("{\"index\":{\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\","
                + "\"reason\":\"wrong dimension\"}}}");
        assertThat(refused.outcome()).isEqualTo(BulkItem.Outcome.FAILED);
        assertThat(refused.error()).isEqualTo("mapper_parsing_exception: wrong dimension");
    }
}
