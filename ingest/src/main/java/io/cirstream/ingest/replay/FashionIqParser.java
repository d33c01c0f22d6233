package io.cirstream.ingest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.event.BenchmarkQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * FashionIQ, one gallery per category: {@code image_splits/split.<category>.<split>.json} (a list of ASINs) and
 * {@code captions/cap.<category>.<split>.json}. Images are {@code <imageRoot>/<ASIN>.<extension>}; with no
 * extension configured the first of png, jpg, jpeg that exists is used. Query ids are
 * {@code <category>-<index>} since the files carry none.
 */
final class FashionIqParser implements BenchmarkParser {
    private static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg");

    private final Path root;
    private final Path imageRoot;
    private final List<String> categories;
    private final String extension;
    private final CaptionJoin join;

    FashionIqParser(Path root, ParserSettings settings) {
        this.root = root;
        this.imageRoot = settings.imageRoot() == null ? root.resolve("images") : settings.imageRoot();
        this.categories = settings.categories();
        this.extension = settings.imageExtension();
        this.join = settings.captionJoin();
    }

    @Override
    public BenchmarkData parse(String split, ProblemLog log) {
        GalleryBuilder gallery = new GalleryBuilder(log);
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (String category : categories) {
            AnnotationFile splitFile = AnnotationFile.read(
                    root.resolve("image_splits/split." + category + "." + split + ".json"), log);
            splitFile.forEachInList(entry -> {
                String asin = entry.selfId();
                gallery.add(new GalleryImage(asin, imageFile(asin), category), splitFile.path(),
                        "index of '" + asin + "'");
            });
            AnnotationFile captions = AnnotationFile.read(root.resolve("captions/cap." + category + "." + split + ".json"), log);
            int[] index = {0};
            captions.forEachInList(entry -> queries.add(query(split, category, index[0]++, entry, gallery)));
        }
        return new BenchmarkData(Benchmark.FASHIONIQ.id(), split, root, gallery.images(), queries, log.problems());
    }

    @Override
    public String expectedImages(String split) {
        return "<ASIN>." + (extension == null ? "{png,jpg,jpeg}" : extension) + " files in "
                + imageRoot.toAbsolutePath() + " (set with --images and --image-extension), one per ASIN of "
                + root.toAbsolutePath().resolve("image_splits") + "/split.<category>." + split + ".json for " + categories;
    }

    private BenchmarkQuery query(String split, String category, int index, Entry entry, GalleryBuilder gallery) {
        String candidate = entry.id("candidate");
        String target = entry.optionalId("target");
        List<String> targets = target == null ? List.of() : List.of(target);
        List<String> captions = captions(entry);
        gallery.requireMembers(entry, "candidate", List.of(candidate), category);
        gallery.requireMembers(entry, "target", targets, category);
        return new BenchmarkQuery(Benchmark.FASHIONIQ.id(), split, category + "-" + index, candidate, join.join(captions), targets,
                List.of(), category);
    }

    private static List<String> captions(Entry entry) {
        JsonNode node = entry.field("captions");
        if (node == null || !node.isArray()) {
            entry.skip("'captions' should be a list of strings");
        }
        List<String> out = new ArrayList<>();
        node.forEach(caption -> out.add(caption.isTextual() ? caption.textValue() : ""));
        return out;
    }

    private Path imageFile(String asin) {
        if (extension != null) {
            return imageRoot.resolve(asin + "." + extension);
        }
        return EXTENSIONS.stream().map(ext -> imageRoot.resolve(asin + "." + ext)).filter(Files::isRegularFile)
                .findFirst().orElse(imageRoot.resolve(asin + "." + EXTENSIONS.getFirst()));
    }
}
