package io.cirstream.ingest.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.ingest.csv.CsvHeader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Your own benchmark as triplets: a CSV file with a header row or a JSON Lines file (given directly, or as
 * {@code triplets.csv} / {@code triplets.jsonl} in the given folder), one query per row: a reference image, one or
 * more modification texts, zero or more targets (none = hidden labels), and optionally an id, a category, a split
 * and a collection (see {@link TripletColumns} for the column mapping). A row with a reference and neither text
 * nor target only adds that image to the gallery (a distractor). The gallery is every image the split's rows name.
 * Image values are paths relative to the image folder (default: the file's folder), with or without extension.
 */
final class TripletParser implements BenchmarkParser {
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "webp");
    /** A row with more cells than the header has columns keeps its first ones, as spreadsheets export them. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE).build();

    private record Row(String location, Map<String, List<String>> values) {
        List<String> all(List<String> columns) {
            return columns.stream().flatMap(c -> values.getOrDefault(c, List.of()).stream()).toList();
        }

        String one(List<String> columns) {
            List<String> found = all(columns);
            return found.isEmpty() ? null : found.getFirst();
        }
    }

    private final Path root;
    private final Path imageRoot;
    private final TripletColumns columns;
    private final CaptionJoin join;

    TripletParser(Path root, ParserSettings settings) {
        this.root = root;
        Path folder = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        this.imageRoot = settings.imageRoot() == null ? folder : settings.imageRoot();
        this.columns = settings.triplets();
        this.join = settings.captionJoin();
    }

    @Override
    public BenchmarkData parse(String split, ProblemLog log) {
        Path file = file();
        List<Row> rows = rows(file, log);
        Map<List<String>, GalleryImage> listed = new LinkedHashMap<>();
        List<Row> kept = rows.stream().filter(row -> belongs(row, split)).toList();
        for (Row row : kept) {
            String category = row.one(columns.of("category"));
            List<String> images = new ArrayList<>();
            images.add(row.one(columns.of("reference")));
            images.addAll(row.all(columns.of("target")));
            images.stream().filter(Objects::nonNull).forEach(id -> listed.putIfAbsent(List.of(String.valueOf(category), id),
                    new GalleryImage(id, imageFile(id), category)));
        }
        GalleryBuilder gallery = new GalleryBuilder(log);
        listed.values().removeIf(image -> {
            boolean outside = !image.file().startsWith(imageRoot.normalize());
            if (outside) {
                log.report(file, "image '" + image.id() + "'", "resolves outside the image folder " + imageRoot
                        + "; left out");
            }
            return outside;
        });
        listed.values().forEach(image -> gallery.add(image, file, "image '" + image.id() + "'"));
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (Row row : kept) {
            AnnotationFile.leniently(() -> query(file, split, row, gallery, log).ifPresent(queries::add));
        }
        return new BenchmarkData(Benchmark.TRIPLETS.id(), split, file, gallery.images(), queries, log.problems());
    }

    @Override
    public String expectedImages(String split) {
        return "the images named in the reference and target columns of " + root.toAbsolutePath()
                + ", as paths relative to " + imageRoot.toAbsolutePath() + " (with or without ."
                + String.join("/.", EXTENSIONS) + "; set the folder with --images)";
    }

    private Optional<BenchmarkQuery> query(Path file, String split, Row row, GalleryBuilder gallery,
                                                     ProblemLog log) {
        Entry entry = new Entry(Json.mapper().createObjectNode(), file, row.location(), log);
        String reference = row.one(columns.of("reference"));
        if (reference == null) {
            entry.skip("no reference image (column " + columns.of("reference") + ")");
        }
        List<String> texts = row.all(columns.of("text"));
        List<String> targets = row.all(columns.of("target"));
        if (texts.isEmpty() && targets.isEmpty()) {
            return Optional.empty();
        }
        String category = row.one(columns.of("category"));
        gallery.requireMembers(entry, "reference", List.of(reference));
        gallery.requireMembers(entry, "target", targets);
        String id = Objects.requireNonNullElse(row.one(columns.of("id")), row.location().replace(' ', '-'));
        return Optional.of(new BenchmarkQuery(Benchmark.TRIPLETS.id(), split, id, reference,
                texts.size() > 1 ? join.join(texts) : texts, targets, List.of(), category));
    }

    /** A row without a split (or collection) value belongs to every split (or collection). */
    private boolean belongs(Row row, String split) {
        String rowSplit = row.one(columns.of("split"));
        String rowCollection = row.one(columns.of("collection"));
        return (rowSplit == null || rowSplit.equals(split))
                && (columns.collection() == null || rowCollection == null || rowCollection.equals(columns.collection()));
    }

    private Path file() {
        if (Files.isRegularFile(root)) {
            return root;
        }
        for (String name : List.of("triplets.csv", "triplets.jsonl")) {
            if (Files.isRegularFile(root.resolve(name))) {
                return root.resolve(name);
            }
        }
        throw new BenchmarkFormatException("no triplet file: --data must be a .csv or .jsonl file, or a folder "
                + "holding triplets.csv or triplets.jsonl; got " + root.toAbsolutePath());
    }

    private List<Row> rows(Path file, ProblemLog log) {
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")
                    ? jsonLines(file, log) : csv(file);
        } catch (IOException e) {
            throw new BenchmarkFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private List<Row> csv(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                if (!headerChecked) {
                    headerChecked = true;
                    Optional<String> twice = CsvHeader.repeatedColumn((CsvSchema) it.getParser().getSchema());
                    if (twice.isPresent()) {
                        throw new BenchmarkFormatException(file + ": column '" + twice.get()
                                + "' appears twice in the header row (names are compared without case)");
                    }
                }
                long line = it.getCurrentLocation().getLineNr();
                Map<String, List<String>> values = new LinkedHashMap<>();
                it.nextValue().forEach((column, cell) -> values.put(column.strip(), split(cell)));
                rows.add(new Row("line " + line, values));
            }
        } catch (BenchmarkFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BenchmarkFormatException(file + ": not a CSV file with a header row: " + e.getMessage());
        }
        return rows;
    }

    private List<String> split(String cell) {
        if (cell == null) {
            return List.of();
        }
        return List.of(cell.split(Pattern.quote(columns.listSeparator()))).stream().map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    private static List<Row> jsonLines(Path file, ProblemLog log) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String location = "line " + line;
                String content = text;
                AnnotationFile.leniently(() -> rows.add(new Row(location, jsonValues(file, location, content, log))));
            }
        }
        return rows;
    }

    private static Map<String, List<String>> jsonValues(Path file, String location, String text, ProblemLog log) {
        JsonNode node;
        try {
            node = Json.strictReader().readTree(text);
        } catch (JsonProcessingException e) {
            // A key twice lands here too: which of the two did the file mean?
            log.report(file, location, "not a JSON object: " + e.getOriginalMessage());
            throw new Entry.Skip();
        }
        if (node == null || !node.isObject()) {
            log.report(file, location, "not a JSON object");
            throw new Entry.Skip();
        }
        Entry entry = new Entry(node, file, location, log);
        Map<String, List<String>> values = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isArray() ? entry.idsOf(value, "'" + field.getKey() + "'")
                    : value.isNull() ? List.of() : value.isValueNode() && !value.asText().isBlank()
                    ? List.of(value.asText().strip()) : List.of());
        });
        return values;
    }

    private Path imageFile(String id) {
        Path given = imageRoot.resolve(id).normalize();
        if (Files.isRegularFile(given)) {
            return given;
        }
        return EXTENSIONS.stream().map(ext -> imageRoot.resolve(id + "." + ext).normalize())
                .filter(Files::isRegularFile).findFirst().orElse(given);
    }
}
