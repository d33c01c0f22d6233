package io.cirstream.contract.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Typed, path-aware access to one JSON object of an event. Every failure becomes a
 * {@link MalformedEventException} carrying the full dotted path of the field, which is what makes a
 * dead letter's reason actionable.
 */
final class JsonReader {
    private final JsonNode node;
    private final String path;

    private JsonReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonReader parse(byte[] json) {
        JsonNode root;
        try {
            root = Json.strictReader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("$", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEventException("$", "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("$", "expected a JSON object, got " + describe(root));
        }
        return new JsonReader(root, "");
    }

    /** Reads the envelope version: unknown future versions are refused, not half-understood. */
    int schema(int supported) {
        int version = integer("schema");
        if (version > supported) {
            throw error("schema", "unsupported future schema version " + version + "; this reader understands up to "
                    + supported + " (upgrade the consumer)");
        }
        if (version < 1) {
            throw error("schema", "schema version must be >= 1, got " + version);
        }
        return version;
    }

    JsonReader object(String name) {
        return new JsonReader(require(name, JsonNodeType.OBJECT), pathOf(name));
    }

    JsonReader optObject(String name) {
        return present(name) ? object(name) : null;
    }

    boolean present(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String string(String name) {
        return require(name, JsonNodeType.STRING).textValue();
    }

    String optString(String name) {
        return present(name) ? string(name) : null;
    }

    int integer(String name) {
        JsonNode value = require(name, JsonNodeType.NUMBER);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error(name, "expected a 32-bit integer, got " + value);
        }
        return value.intValue();
    }

    long longValue(String name) {
        JsonNode value = require(name, JsonNodeType.NUMBER);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw error(name, "expected a 64-bit integer, got " + value);
        }
        return value.longValue();
    }

    double number(String name) {
        return require(name, JsonNodeType.NUMBER).doubleValue();
    }

    Instant optInstant(String name) {
        String text = optString(name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(name, "expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, got '" + text + "'");
        }
    }

    byte[] base64(String name) {
        try {
            return Base64.getDecoder().decode(string(name));
        } catch (IllegalArgumentException e) {
            throw error(name, "not valid base64: " + e.getMessage());
        }
    }

    List<String> optStrings(String name) {
        if (!present(name)) {
            return List.of();
        }
        JsonNode array = require(name, JsonNodeType.ARRAY);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw error(name + "[" + i + "]", "expected a string, got " + describe(array.get(i)));
            }
            out.add(array.get(i).textValue());
        }
        return out;
    }

    Map<String, String> optStringMap(String name) {
        if (!present(name)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : require(name, JsonNodeType.OBJECT).properties()) {
            if (!entry.getValue().isTextual()) {
                throw error(name + "." + entry.getKey(), "expected a string, got " + describe(entry.getValue()));
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    /**
     * Runs a record constructor, turning its validation message into an error at the given field, or at the
     * field the rule names ({@link InvalidFieldException}) below this object.
     */
    <T> T build(String name, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            throw error(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }

    MalformedEventException error(String name, String problem) {
        return new MalformedEventException(pathOf(name), problem);
    }

    private JsonNode require(String name, JsonNodeType type) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw error(name, "required field is missing");
        }
        if (value.getNodeType() != type) {
            throw error(name, "expected " + type.name().toLowerCase() + ", got " + describe(value));
        }
        return value;
    }

    private String pathOf(String name) {
        if (name.isEmpty()) {
            return path.isEmpty() ? "$" : path;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.toString();
        return value.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
