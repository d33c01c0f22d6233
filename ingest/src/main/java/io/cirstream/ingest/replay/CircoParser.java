package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.publisher.ImageIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CIRCO: queries from {@code annotations/<split>.json}; the gallery is every {@code .jpg} in the COCO 2017
 * unlabeled folder (default {@code COCO2017_unlabeled/unlabeled2017}). Gallery ids are file stems
 * ({@code 000000000042}); integer ids in the annotations are written the same way so they match.
 */
final class CircoParser implements BenchmarkParser {
    private final Path root;
    private final Path imageRoot;

    CircoParser(Path root, Path imageRoot) {
        this.root = root;
        this.imageRoot = imageRoot == null ? root.resolve("COCO2017_unlabeled/unlabeled2017") : imageRoot;
    }

    @Override
    public BenchmarkData parse(String split, ProblemLog log) {
        GalleryBuilder gallery = new GalleryBuilder(log);
        for (Path file : jpegs()) {
            gallery.add(new GalleryImage(ImageIds.stem(file), file, null), imageRoot, file.getFileName().toString());
        }
        List<BenchmarkQuery> queries = new ArrayList<>();
        AnnotationFile annotations = AnnotationFile.read(root.resolve("annotations/" + split + ".json"), log);
        annotations.forEachInList(entry -> queries.add(query(split, entry, gallery)));
        return new BenchmarkData(Benchmark.CIRCO.id(), split, root, gallery.images(), queries, log.problems());
    }

    @Override
    public String expectedImages(String split) {
        return "COCO 2017 unlabeled images (<12-digit id>.jpg) in " + imageRoot.toAbsolutePath()
                + " (set with --images)";
    }

    private static BenchmarkQuery query(String split, Entry entry, GalleryBuilder gallery) {
        String id = entry.id("id");
        String reference = cocoId(entry.id("reference_img_id"));
        String caption = entry.text("relative_caption");
        List<String> targets = entry.ids("gt_img_ids").stream().map(CircoParser::cocoId).toList();
        String target = entry.optionalId("target_img_id");
        if (targets.isEmpty() && target != null) {
            targets = List.of(cocoId(target));
        }
        gallery.requireMembers(entry, "reference", List.of(reference));
        gallery.requireMembers(entry, "ground-truth image", targets);
        return new BenchmarkQuery(Benchmark.CIRCO.id(), split, id, reference, List.of(caption), targets, List.of(), null);
    }

    /** COCO file names are the integer id zero-padded to 12 digits; non-numeric ids are kept as they are. */
    static String cocoId(String id) {
        return id.matches("\\d{1,12}") ? String.format("%012d", Long.parseLong(id)) : id;
    }

    private List<Path> jpegs() {
        if (!Files.isDirectory(imageRoot)) {
            throw new BenchmarkFormatException("CIRCO image folder not found: " + imageRoot);
        }
        try (Stream<Path> files = Files.list(imageRoot)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchmarkFormatException("cannot list " + imageRoot + ": " + e.getMessage());
        }
    }
}
