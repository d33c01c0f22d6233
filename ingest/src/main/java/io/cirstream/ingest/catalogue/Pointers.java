package io.cirstream.ingest.catalogue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one field of a catalogue record through a JSON pointer (RFC 6901, Jackson's {@link JsonPointer}), with the
 * shapes the mapping accepts. A missing field or JSON null reads as absent; a field of the wrong shape is a
 * {@link CatalogueRecordException} naming the pointer.
 */
final class Pointers {
    private Pointers() {
    }

    static JsonPointer parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSON pointer (it starts with '/', e.g. /sku)");
        }
        return JsonPointer.compile(text);
    }

    /** A string, number or boolean as text; null when absent. */
    static String text(JsonNode record, JsonPointer pointer) {
        JsonNode node = record.at(pointer);
        if (absent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new CatalogueRecordException(pointer + " must be a string, number or boolean, got " + kind(node));
        }
        return node.asText();
    }

    /** A string or an array of strings (numbers are taken as text); empty when absent. */
    static List<String> strings(JsonNode record, JsonPointer pointer) {
        JsonNode node = record.at(pointer);
        if (absent(node)) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new CatalogueRecordException(pointer + " must be a string or an array of strings, got " + kind(node));
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() && !item.isNumber()) {
                throw new CatalogueRecordException(pointer + "/" + i + " must be a string, got " + kind(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** An ISO-8601 instant or epoch milliseconds; null when absent. */
    static Instant instant(JsonNode record, JsonPointer pointer) {
        JsonNode node = record.at(pointer);
        if (absent(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new CatalogueRecordException(pointer + " must be an ISO-8601 instant or epoch milliseconds, got "
                    + node);
        }
    }

    /** A number (or a numeric string); null when absent. */
    static Double number(JsonNode record, JsonPointer pointer) {
        JsonNode node = record.at(pointer);
        if (absent(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            throw new CatalogueRecordException(pointer + " must be a number, got " + node);
        }
    }

    static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
