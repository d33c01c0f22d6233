package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.publisher.ImageIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PatternCom: the gallery is PatternNet (default {@code PatternNet/images}, walked recursively), an image's class
 * is its file name before the trailing digits, mapped through the configured class merges. Each attribute file
 * {@code PatternCom/<attribute>.csv} has rows {@code image,attribute,value}; every row yields one query per other
 * value of that attribute seen in the same class: the text is that value, the positives are the class's images
 * carrying it, and the query's category is the attribute.
 */
final class PatternComParser implements BenchmarkParser {
    static final List<String> ATTRIBUTES = List.of("color", "context", "density", "existence", "quantity", "shape");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff");

    private record Row(String image, String value) {
    }

    private final Path root;
    private final Path imageRoot;
    private final Map<String, String> merges;

    PatternComParser(Path root, ParserSettings settings) {
        this.root = root;
        this.imageRoot = settings.imageRoot() == null ? root.resolve("PatternNet/images") : settings.imageRoot();
        this.merges = settings.classMerges();
    }

    @Override
    public BenchmarkData parse(String split, ProblemLog log) {
        GalleryBuilder gallery = new GalleryBuilder(log);
        for (Path file : images()) {
            String id = ImageIds.stem(file);
            gallery.add(new GalleryImage(id, file, classOf(id)), imageRoot, root.relativize(file).toString());
        }
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (String attribute : ATTRIBUTES) {
            Path csv = csvFile(attribute);
            if (!Files.isRegularFile(csv)) {
                log.report(csv, "file", "attribute file not found", "attribute '" + attribute + "' is left out");
                continue;
            }
            List<Row> rows = rows(csv, gallery, log);
            queries.addAll(queries(split, attribute, rows));
        }
        return new BenchmarkData(Benchmark.PATTERNCOM.id(), split, root, gallery.images(), queries, log.problems());
    }

    /** {@code dense_residential042} → {@code dense_residential}, then through the merges. */
    String classOf(String imageId) {
        String raw = imageId.replaceAll("\\d+$", "");
        return merges.getOrDefault(raw, raw);
    }

    private List<BenchmarkQuery> queries(String split, String attribute, List<Row> rows) {
        Map<String, Map<String, List<String>>> byClassAndValue = new LinkedHashMap<>();
        for (Row row : rows) {
            byClassAndValue.computeIfAbsent(classOf(row.image()), c -> new LinkedHashMap<>())
                    .computeIfAbsent(row.value(), v -> new ArrayList<>()).add(row.image());
        }
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (Row row : rows) {
            byClassAndValue.get(classOf(row.image())).forEach((value, positives) -> {
                if (!value.equals(row.value())) {
                    queries.add(new BenchmarkQuery(Benchmark.PATTERNCOM.id(), split, attribute + "/" + row.image() + "/" + value,
                            row.image(), List.of(value), positives, List.of(), attribute));
                }
            });
        }
        return queries;
    }

    private static List<Row> rows(Path csv, GalleryBuilder gallery, ProblemLog log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            log.report(csv, "file", "cannot read: " + e.getMessage());
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3 || cells[0].isBlank() || cells[2].isBlank()) {
                log.report(csv, "line " + (i + 1), "expected 'image,attribute,value', got '" + line + "'");
                continue;
            }
            String image = ImageIds.stem(Path.of(unquote(cells[0])));
            if (!gallery.contains(image)) {
                log.report(csv, "line " + (i + 1), "image '" + image + "' is not in the gallery");
                continue;
            }
            rows.add(new Row(image, unquote(cells[2])));
        }
        return rows;
    }

    private Path csvFile(String attribute) {
        Path nested = root.resolve("PatternCom/" + attribute + ".csv");
        return Files.isRegularFile(nested) ? nested : root.resolve(attribute + ".csv");
    }

    @Override
    public String expectedImages(String split) {
        return "PatternNet images (<class><digits>.jpg) under " + imageRoot.toAbsolutePath() + " (set with --images)";
    }

    private List<Path> images() {
        if (!Files.isDirectory(imageRoot)) {
            throw new BenchmarkFormatException("PatternNet image folder not found: " + imageRoot);
        }
        try (Stream<Path> files = Files.walk(imageRoot)) {
            return files.filter(Files::isRegularFile).filter(f -> IMAGE_EXTENSIONS.contains(extension(f)))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchmarkFormatException("cannot walk " + imageRoot + ": " + e.getMessage());
        }
    }

    private static String unquote(String cell) {
        return cell.strip().replaceAll("^\"|\"$", "").strip();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
