package io.cirstream.ingest.source;

import io.cirstream.publisher.IngestSource;

import io.cirstream.publisher.ImageIds;
import io.cirstream.publisher.RejectReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cirstream.contract.json.Json;
import io.cirstream.ingest.csv.CsvHeader;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ingest image list: CSV with a header row, or JSON Lines, one image per entry (see {@link ImageListRow}
 * for the column names). Relative paths resolve against the image list's folder. Bad entries are reported with
 * {@code file:line} and the rest are still read.
 */
final class ImageListReader {
    private static final CsvMapper CSV = new CsvMapper();

    private final String defaultCollection;

    ImageListReader(String defaultCollection) {
        this.defaultCollection = defaultCollection;
    }

    static boolean isImageList(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl");
    }

    void read(Path imageList, Collected into) {
        try {
            if (imageList.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(imageList, into);
            } else {
                readJsonLines(imageList, into);
            }
        } catch (IOException e) {
            into.problem(imageList.toString(), RejectReason.UNREADABLE, "cannot read image list: " + e.getMessage());
        }
    }

    private void readCsv(Path imageList, Collected into) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                .readValues(imageList.toFile())) {
            boolean headerChecked = false;
            while (true) {
                long line = rows.getParser().currentLocation().getLineNr();
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    if (!headerChecked) {
                        headerChecked = true;
                        Optional<String> twice = CsvHeader.repeatedColumn((CsvSchema) rows.getParser().getSchema());
                        if (twice.isPresent()) {
                            into.problem(imageList + ":1", RejectReason.MALFORMED_ENTRY, "column '" + twice.get()
                                    + "' appears twice in the header (names are compared without case); no row was read");
                            return;
                        }
                    }
                    line = rows.getParser().currentLocation().getLineNr();
                    add(imageList, line, csvRow(rows.nextValue()), into);
                } catch (RuntimeException e) {
                    into.problem(imageList + ":" + line, RejectReason.MALFORMED_ENTRY, rootMessage(e));
                }
            }
        }
    }

    private static ImageListRow csvRow(Map<String, String> columns) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        columns.forEach((name, value) -> {
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (ImageListRow.KNOWN.contains(key)) {
                fields.put(key, value);
            } else if (value != null && !value.isBlank()) {
                attributes.put(name.strip(), value.strip());
            }
        });
        String tags = fields.get("tags");
        List<String> tagList = tags == null || tags.isBlank() ? List.of()
                : List.of(tags.strip().split("\\s*;\\s*"));
        return new ImageListRow(fields, tagList, attributes);
    }

    private void readJsonLines(Path imageList, Collected into) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(imageList)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    add(imageList, line, JsonLinesRow.parse(Json.strictReader().readTree(text)), into);
                } catch (IOException | RuntimeException e) {
                    into.problem(imageList + ":" + line, RejectReason.MALFORMED_ENTRY, rootMessage(e));
                }
            }
        }
    }

    private void add(Path imageList, long line, ImageListRow row, Collected into) {
        String origin = imageList + ":" + line;
        URI uri;
        try {
            uri = location(imageList, row);
        } catch (IllegalArgumentException e) {
            into.problem(origin, RejectReason.MALFORMED_ENTRY, e.getMessage());
            return;
        }
        String id = row.get("id") != null ? row.get("id") : ImageIds.stem(Path.of(uri.getPath()).getFileName());
        try {
            into.sources.add(new IngestSource(id, uri, row.metadata(defaultCollection), origin));
        } catch (IllegalArgumentException e) {
            into.problem(origin, RejectReason.INVALID_METADATA, e.getMessage());
        }
    }

    private static URI location(Path imageList, ImageListRow row) {
        if (row.get("uri") != null) {
            try {
                URI uri = new URI(row.get("uri"));
                if (uri.getScheme() == null) {
                    throw new IllegalArgumentException("'uri' has no scheme: " + uri);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'uri' is not a valid URI: " + e.getMessage());
            }
        }
        if (row.get("path") != null) {
            Path base = imageList.toAbsolutePath().getParent();
            return base.resolve(row.get("path")).normalize().toUri();
        }
        throw new IllegalArgumentException("entry has neither 'path' nor 'uri'");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** JSON Lines objects map onto the same names as CSV columns; nested geo/bbox are flattened. */
    static final class JsonLinesRow {
        private JsonLinesRow() {
        }

        static ImageListRow parse(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object per line, got " + node.getNodeType());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> tags = new ArrayList<>();
            node.properties().forEach(entry -> {
                String key = entry.getKey().equals("capturedAt") ? "captured_at" : entry.getKey();
                JsonNode value = entry.getValue();
                switch (key) {
                    case "geo" -> {
                        fields.put("lat", value.path("lat").asText(null));
                        fields.put("lon", value.path("lon").asText(null));
                    }
                    case "bbox" -> {
                        fields.put("min_lon", value.path("minLon").asText(null));
                        fields.put("min_lat", value.path("minLat").asText(null));
                        fields.put("max_lon", value.path("maxLon").asText(null));
                        fields.put("max_lat", value.path("maxLat").asText(null));
                    }
                    case "tags" -> value.forEach(tag -> tags.add(tag.asText()));
                    case "attributes" -> value.properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
                    default -> {
                        if (!value.isValueNode()) {
                            throw new IllegalArgumentException("'" + key + "' must be a plain value, got "
                                    + value.getNodeType());
                        }
                        (ImageListRow.KNOWN.contains(key) ? fields : attributes).put(key, value.asText());
                    }
                }
            });
            return new ImageListRow(fields, tags, attributes);
        }
    }
}
