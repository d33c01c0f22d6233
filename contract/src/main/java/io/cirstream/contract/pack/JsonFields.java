package io.cirstream.contract.pack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed access to one JSON object of a manifest; every error names the file and the dotted field path. */
final class JsonFields {

    private final String file;
    private final String path;
    private final JsonNode node;

    JsonFields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    JsonFields object(String name) {
        JsonNode child = require(name);
        if (!child.isObject()) {
            throw error(name, "must be an object");
        }
        return new JsonFields(file, qualified(name), child);
    }

    Optional<JsonFields> optionalObject(String name) {
        return node.hasNonNull(name) ? Optional.of(object(name)) : Optional.empty();
    }

    /** The member names of this object, in file order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    String text(String name) {
        JsonNode child = require(name);
        if (!child.isTextual() || child.asText().isBlank()) {
            throw error(name, "must be a non-empty string");
        }
        return child.asText();
    }

    Optional<String> optionalText(String name) {
        return node.hasNonNull(name) ? Optional.of(text(name)) : Optional.empty();
    }

    long integer(String name, long min, long max) {
        JsonNode child = require(name);
        if (!child.isIntegralNumber() || child.asLong() < min || child.asLong() > max) {
            throw error(name, "must be an integer in [" + min + ", " + max + "], was " + child);
        }
        return child.asLong();
    }

    List<Float> floats(String name, int count, float min, float max, boolean minExclusive) {
        JsonNode child = require(name);
        if (!child.isArray() || child.size() != count) {
            throw error(name, "must be an array of " + count + " numbers, was " + child);
        }
        List<Float> values = new ArrayList<>(count);
        for (JsonNode element : child) {
            double v = element.asDouble(Double.NaN);
            boolean belowMin = minExclusive ? v <= min : v < min;
            if (!element.isNumber() || belowMin || v > max) {
                throw error(name, "values must lie in " + (minExclusive ? "(" : "[") + min + ", " + max + "], was " + child);
            }
            values.add((float) v);
        }
        return values;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw error(name, "must be one of " + allowed(type) + ", was \"" + value + "\"");
    }

    void expect(String name, String requiredValue) {
        String value = text(name);
        if (!value.equals(requiredValue)) {
            throw error(name, "must be \"" + requiredValue + "\" (the only supported value), was \"" + value + "\"");
        }
    }

    ModelPackException error(String name, String problem) {
        return new ModelPackException(file + ": field '" + qualified(name) + "' " + problem);
    }

    private JsonNode require(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw error(name, "is missing");
        }
        return child;
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static <E extends Enum<E>> List<String> allowed(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase().replace('_', '-'));
        }
        return names;
    }
}
