package io.cirstream.contract.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Limits on {@link ImageMetadata} besides the collection pattern, chosen so that every accepted value indexes:
 * keyword fields stay far below Lucene's 32,766-byte term limit, attribute keys are valid
 * {@code flat_object} paths, and {@code capturedAt} prints as a four-digit-year ISO date OpenSearch parses.
 * Geo ranges and bbox ordering are checked by {@link GeoPoint} and {@link BoundingBox}.
 */
final class MetadataRules {
    static final int MAX_CATEGORY_LENGTH = 256;
    static final int MAX_SOURCE_LENGTH = 4096;
    /** As long as the query API's text and description limit: a caption is composed like them. */
    static final int MAX_CAPTION_LENGTH = 1000;
    static final int MAX_TAGS = 256;
    static final int MAX_TAG_LENGTH = 256;
    static final int MAX_ATTRIBUTES = 256;
    static final int MAX_ATTRIBUTE_KEY_LENGTH = 128;
    static final int MAX_ATTRIBUTE_VALUE_LENGTH = 4096;
    static final Instant FIRST_CAPTURE = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST_CAPTURE = Instant.ofEpochMilli(EventRules.MAX_EVENT_TIME);

    private MetadataRules() {
    }

    static void check(String category, Instant capturedAt, String source, List<String> tags,
                      Map<String, String> attributes) {
        if (category != null) {
            EventRules.checkText("category", category, MAX_CATEGORY_LENGTH, false);
        }
        if (source != null) {
            EventRules.checkText("source", source, MAX_SOURCE_LENGTH, false);
        }
        if (capturedAt != null && (capturedAt.isBefore(FIRST_CAPTURE) || capturedAt.isAfter(LAST_CAPTURE))) {
            throw new InvalidFieldException("capturedAt", "capturedAt must lie within " + FIRST_CAPTURE + " and " + LAST_CAPTURE
                    + ", got " + capturedAt);
        }
        checkTags(tags);
        checkAttributes(attributes);
    }

    /** A caption is optional; when present it is one line of at most {@link #MAX_CAPTION_LENGTH} characters. */
    static void checkCaption(String caption) {
        if (caption != null) {
            EventRules.checkText("caption", caption, MAX_CAPTION_LENGTH, false);
        }
    }

    private static void checkTags(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidFieldException("tags", "tags has " + tags.size() + " entries, the limit is " + MAX_TAGS);
        }
        for (int i = 0; i < tags.size(); i++) {
            String field = "tags[" + i + "]";
            if (tags.get(i).isBlank()) {
                throw new InvalidFieldException(field, field + " is blank");
            }
            EventRules.checkText(field, tags.get(i), MAX_TAG_LENGTH, false);
        }
    }

    private static void checkAttributes(Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvalidFieldException("attributes", "attributes has " + attributes.size() + " entries, the limit is "
                    + MAX_ATTRIBUTES);
        }
        attributes.forEach((key, value) -> {
            String field = "attributes." + EventRules.printable(key);
            try {
                EventRules.checkText("attribute key", key, MAX_ATTRIBUTE_KEY_LENGTH, false);
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(field, e.getMessage());
            }
            if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
                throw new InvalidFieldException(field, "attribute key '" + key + "' must be non-blank, without a "
                        + "leading, trailing or doubled '.' (dots nest keys in the index)");
            }
            EventRules.checkText(field, value, MAX_ATTRIBUTE_VALUE_LENGTH, true);
        });
    }
}
