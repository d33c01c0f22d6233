package io.cirstream.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One JSON annotation file and lenient iteration over its entries: an entry that throws {@link Entry.Skip}
 * has already been reported and is left out, and the next one is read. The file itself must be there and
 * be JSON of the right shape; without it there is nothing to replay.
 */
final class AnnotationFile {
    private final Path file;
    private final JsonNode root;
    private final ProblemLog log;

    private AnnotationFile(Path file, JsonNode root, ProblemLog log) {
        this.file = file;
        this.root = root;
        this.log = log;
    }

    static AnnotationFile read(Path file, ProblemLog log) {
        if (!Files.isRegularFile(file)) {
            throw new BenchmarkFormatException("annotation file not found: " + file);
        }
        try {
            return new AnnotationFile(file, Json.mapper().readTree(file.toFile()), log);
        } catch (JsonProcessingException e) {
            throw new BenchmarkFormatException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BenchmarkFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    Path path() {
        return file;
    }

    /** Visits each element of a top-level JSON list. */
    void forEachInList(Consumer<Entry> visitor) {
        requireShape(root.isArray(), "a JSON list");
        for (int i = 0; i < root.size(); i++) {
            int index = i;
            leniently(() -> visitor.accept(new Entry(root.get(index), file, "index " + index, log)));
        }
    }

    /** Visits each key and value of a top-level JSON object. */
    void forEachInObject(BiConsumer<String, Entry> visitor) {
        requireShape(root.isObject(), "a JSON object");
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            leniently(() -> visitor.accept(field.getKey(),
                    new Entry(field.getValue(), file, "key '" + field.getKey() + "'", log)));
        }
    }

    static void leniently(Runnable readEntry) {
        try {
            readEntry.run();
        } catch (Entry.Skip skipped) {
            // already reported by the entry
        }
    }

    private void requireShape(boolean ok, String expected) {
        if (!ok) {
            throw new BenchmarkFormatException(file + ": expected " + expected + " at the top level, got "
                    + root.getNodeType());
        }
    }
}
