package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIRR release rc2 and the benchmarks that reuse its layout (PatternCIR, the synthetic generator's output):
 * {@code captions/cap.rc2.<split>.json} and {@code image_splits/split.rc2.<split>.json}, found in the given
 * folder, its {@code cirr/} or its {@code PatternCIR/cirr/}. Image paths in the split file are relative to the
 * image root (default: the given folder, as in the official {@code CIRR/{cirr,dev,test1,train}} layout).
 */
final class CirrParser implements BenchmarkParser {
    private static final List<String> ANNOTATION_DIRS = List.of("", "cirr", "PatternCIR/cirr");

    private final String benchmark;
    private final Path root;
    private final Path imageRoot;

    CirrParser(String benchmark, Path root, Path imageRoot) {
        this.benchmark = benchmark;
        this.root = root;
        this.imageRoot = imageRoot == null ? root : imageRoot;
    }

    @Override
    public BenchmarkData parse(String split, ProblemLog log) {
        Path annotations = annotationDir(split);
        GalleryBuilder gallery = new GalleryBuilder(log);
        AnnotationFile splitFile = AnnotationFile.read(annotations.resolve("image_splits/split.rc2." + split + ".json"), log);
        splitFile.forEachInObject((name, entry) -> gallery.add(
                new GalleryImage(name.strip(), imageRoot.resolve(entry.selfId()).normalize(), null),
                splitFile.path(), "key '" + name + "'"));
        List<BenchmarkQuery> queries = new ArrayList<>();
        AnnotationFile captions = AnnotationFile.read(annotations.resolve("captions/cap.rc2." + split + ".json"), log);
        captions.forEachInList(entry -> queries.add(query(split, entry, gallery)));
        return new BenchmarkData(benchmark, split, annotations, gallery.images(), queries, log.problems());
    }

    private BenchmarkQuery query(String split, Entry entry, GalleryBuilder gallery) {
        String pairId = entry.id("pairid");
        String reference = entry.id("reference");
        String caption = entry.text("caption");
        String target = entry.optionalId("target_hard");
        List<String> targets = target == null ? List.of() : List.of(target);
        List<String> members = entry.idsOf(entry.field("img_set") == null ? null : entry.field("img_set").get("members"),
                "'img_set.members'");
        gallery.requireMembers(entry, "reference", List.of(reference));
        gallery.requireMembers(entry, "target", targets);
        gallery.requireMembers(entry, "img_set member", members);
        return new BenchmarkQuery(benchmark, split, pairId, reference, List.of(caption), targets, members, null);
    }

    @Override
    public String expectedImages(String split) {
        return "the image files listed in image_splits/split.rc2." + split + ".json (paths such as ./dev/<name>.png), "
                + "resolved against " + imageRoot.toAbsolutePath() + " (set with --images)";
    }

    private Path annotationDir(String split) {
        for (String candidate : ANNOTATION_DIRS) {
            Path dir = root.resolve(candidate);
            if (Files.isRegularFile(dir.resolve("captions/cap.rc2." + split + ".json"))) {
                return dir;
            }
        }
        throw new BenchmarkFormatException("no captions/cap.rc2." + split + ".json under " + root + " (looked in "
                + ANNOTATION_DIRS.stream().map(d -> d.isEmpty() ? "." : d).toList() + ")");
    }
}
