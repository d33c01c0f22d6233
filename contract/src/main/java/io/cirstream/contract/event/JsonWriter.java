package io.cirstream.contract.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;

import java.util.List;

/** The writing half of the event codecs: optional fields are omitted rather than written as null. */
final class JsonWriter {

    private JsonWriter() {
    }

    static ObjectNode envelope(int schema) {
        return Json.mapper().createObjectNode().put("schema", schema);
    }

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    static void putStrings(ObjectNode node, String name, List<String> values) {
        values.forEach(node.putArray(name)::add);
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }
}
