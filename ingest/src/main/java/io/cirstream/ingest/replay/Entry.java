package io.cirstream.ingest.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One annotation entry with lenient, located field access. Ids are read as opaque strings whether the file
 * wrote them as strings or numbers. A required field that is missing or of the wrong kind is reported with
 * the entry's location and the entry is skipped ({@link Skip}).
 */
final class Entry {
    /** Thrown after the problem is reported, to leave the entry out. */
    static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip() {
            super(null, null, false, false);
        }
    }

    private final JsonNode node;
    private final Path file;
    private final String location;
    private final ProblemLog log;

    Entry(JsonNode node, Path file, String location, ProblemLog log) {
        this.node = node;
        this.file = file;
        this.location = location;
        this.log = log;
        if (!node.isObject() && !node.isValueNode()) {
            skip("expected an object or value, got " + node.getNodeType());
        }
    }

    /** A field of this entry, which must be an object; null when absent. */
    JsonNode field(String name) {
        if (!node.isObject()) {
            skip("expected an object with fields, got " + node.getNodeType());
        }
        return node.get(name);
    }

    /** A required id: a non-blank string, or an integer written as a number. */
    String id(String field) {
        String id = optionalId(field);
        if (id == null) {
            skip("required field '" + field + "' is missing");
        }
        return id;
    }

    String optionalId(String field) {
        return idOf(field(field), "'" + field + "'");
    }

    /** A text that may legitimately be empty or whitespace (captions): only a missing or non-text value is a problem. */
    String text(String field) {
        JsonNode value = field(field);
        if (value == null || value.isNull()) {
            skip("required field '" + field + "' is missing");
        }
        if (!value.isTextual()) {
            skip("'" + field + "' should be text, got " + value.getNodeType());
        }
        return value.textValue();
    }

    /** A list of ids; a missing list is empty, an element that is not an id skips the entry. */
    List<String> ids(String field) {
        return idsOf(field(field), "'" + field + "'");
    }

    List<String> idsOf(JsonNode array, String what) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            skip(what + " should be a list, got " + array.getNodeType());
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String id = idOf(array.get(i), what + "[" + i + "]");
            if (id == null) {
                skip(what + "[" + i + "] is empty");
            }
            out.add(id);
        }
        return out;
    }

    /** This entry's value itself read as an id (for files that are plain lists of ids). */
    String selfId() {
        String id = idOf(node, "value");
        if (id == null) {
            skip("empty id");
        }
        return id;
    }

    void skip(String message) {
        log.report(file, location, message);
        throw new Skip();
    }

    /** Reports a problem about this entry without leaving it out. */
    void warn(String message) {
        log.report(file, location, message);
    }

    private String idOf(JsonNode value, String what) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (!value.isTextual()) {
            skip(what + " should be an id (text or integer), got " + value.getNodeType());
        }
        String text = value.textValue().strip();
        return text.isEmpty() ? null : text;
    }
}
