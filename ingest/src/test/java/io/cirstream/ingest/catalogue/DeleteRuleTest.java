package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeleteRuleTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void comparesJsonValuesAtPointers() throws Exception {
        DeleteRule rule = DeleteRule.parse("/in_stock == false || /status == \"deleted\" || /stock/count == 0");
        assertThat(rule.deletes(json("{\"in_stock\":false}"))).isTrue();
        assertThat(rule.deletes(json("{\"in_stock\":true,\"status\":\"deleted\"}"))).isTrue();
        assertThat(rule.deletes(json("{\"stock\":{\"count\":0}}"))).isTrue();
        assertThat(rule.deletes(json("{\"in_stock\":true,\"status\":\"active\",\"stock\":{\"count\":3}}"))).isFalse();
        assertThat(rule.deletes(json("{}"))).as("a missing field equals nothing").isFalse();
    }

    @Test
    void notEqualHoldsForAMissingField() throws Exception {
        DeleteRule rule = DeleteRule.parse("/status != \"active\"");
        assertThat(rule.deletes(json("{\"status\":\"active\"}"))).isFalse();
        assertThat(rule.deletes(json("{\"status\":\"draft\"}"))).isTrue();
        assertThat(rule.deletes(json("{}"))).isTrue();
    }

    @Test
    void blankMeansOnlyTombstonesDelete() throws Exception {
        assertThat(DeleteRule.parse("").deletes(json("{\"in_stock\":false}"))).isFalse();
        assertThat(DeleteRule.parse(null).anyOf()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAComparison() {
        assertThatThrownBy(() -> DeleteRule.parse("in_stock == false")).hasMessageContaining("is not '<json pointer>");
        assertThatThrownBy(() -> DeleteRule.parse("/status == deleted")).hasMessageContaining("not a JSON value");
        assertThatThrownBy(() -> DeleteRule.parse("/a > 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeleteRule.parse("/a == 1 ||")).isInstanceOf(IllegalArgumentException.class);
    }
}
