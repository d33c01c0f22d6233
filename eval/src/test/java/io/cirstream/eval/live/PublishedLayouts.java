package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Tiny benchmark folders shaped like the published files, with synthetic-world tiles as images (so the synthetic
 * pack's captions mean something) and, as in the real data, image ids shared across splits and categories:
 * <ul>
 *   <li>CIRR rc2: {@code cirr/image_splits/split.rc2.{val,test1}.json} ({@code {"<name>": "./dev/<name>.png"}}),
 *       {@code cirr/captions/cap.rc2.{val,test1}.json} (pairid, reference, target_hard, caption, target_soft,
 *       img_set; test1 without the targets);</li>
 *   <li>FashionIQ: {@code image_splits/split.<category>.<split>.json} (lists of ASINs) and
 *       {@code captions/cap.<category>.<split>.json} (candidate, target, two captions; test without target) for
 *       dress, shirt and toptee, images {@code images/<ASIN>.png}; val and test share ASINs, and toptee lists two
 *       shirt ASINs;</li>
 *   <li>CIRCO: {@code annotations/{val,test}.json} (int ids; test without targets) over one COCO folder
 *       {@code COCO2017_unlabeled/unlabeled2017/<12 digits>.jpg}: val and test rank the same images.</li>
 * </ul>
 * Each split also comes back as {@link Split}: what an independent check needs to recompute the metrics.
 */
final class PublishedLayouts {
    static final List<String> FASHIONIQ_CATEGORIES = List.of("dress", "shirt", "toptee");

    /**
     * One query as eval must send it.
     *
     * @param text      the one text eval sends (FashionIQ's two captions joined "c1 and c2")
     * @param positives CIRR's target_hard, FashionIQ's target, CIRCO's gt_img_ids; empty on a hidden test split
     * @param members   CIRR's img_set.members
     */
    record Query(String id, String reference, String text, List<String> positives, List<String> members,
                 String category) {
    }

    /**
     * @param files     every gallery image of the split (the collection's gallery), id → file
     * @param galleries the gallery each query is ranked over: per category for FashionIQ, else one under ""
     */
    record Split(String name, Map<String, Path> files, Map<String, List<String>> galleries, List<Query> queries) {
    }

    record Layout(Path root, Split val, Split test) {
    }

    private PublishedLayouts() {
    }

    /** CIRR rc2: 14 val images with 8 queries, 12 test1 images with 6 queries, distinct names as in the release. */
    static Layout cirr(Path root) {
        Split val = cirrSplit(root, "val", "dev", 201, 14, 8, true);
        Split test = cirrSplit(root, "test1", "test1", 202, 12, 6, false);
        return new Layout(root, val, test);
    }

    private static Split cirrSplit(Path root, String split, String folder, long seed, int images, int queryCount,
                                   boolean labelled) {
        IntFunction<String> name = i -> folder + "-" + (100 + i) + "-" + (i % 3) + "-img" + (i % 2);
        Map<String, Path> files = new LinkedHashMap<>();
        ObjectNode splitFile = Json.mapper().createObjectNode();
        for (int i = 0; i < images; i++) {
            files.put(name.apply(i), tile(seed, i, root.resolve(folder + "/" + name.apply(i) + ".png"), "png"));
            splitFile.put(name.apply(i), "./" + folder + "/" + name.apply(i) + ".png");
        }
        ArrayNode captions = Json.mapper().createArrayNode();
        List<Query> queries = new ArrayList<>();
        for (SyntheticQuery q : SyntheticWorld.queries(seed, images, queryCount)) {
            String pairId = Integer.toString(1000 * (int) (seed % 10) + q.pairId());
            List<String> members = q.members().stream().map(name::apply).toList();
            ObjectNode entry = captions.addObject().put("pairid", Integer.parseInt(pairId))
                    .put("reference", name.apply(q.reference())).put("caption", q.caption());
            if (labelled) {
                entry.put("target_hard", name.apply(q.target()));
                entry.putObject("target_soft").put(name.apply(q.target()), 1.0);
            }
            ObjectNode set = entry.putObject("img_set").put("id", q.pairId());
            members.forEach(set.putArray("members")::add);
            set.put("reference_rank", members.indexOf(name.apply(q.reference())));
            queries.add(new Query(pairId, name.apply(q.reference()), q.caption(),
                    labelled ? List.of(name.apply(q.target())) : List.of(), members, null));
        }
        write(root.resolve("cirr/image_splits/split.rc2." + split + ".json"), splitFile);
        write(root.resolve("cirr/captions/cap.rc2." + split + ".json"), captions);
        return new Split(split, files, Map.of("", List.copyOf(files.keySet())), queries);
    }

    /**
     * FashionIQ: per category 6 val images (+ 3 shared with test, + 3 test only); toptee's lists also name two shirt
     * ASINs. Queries are drawn among a category's own images; test captions carry no target.
     */
    static Layout fashionIq(Path root) {
        Map<String, List<String>> valLists = new LinkedHashMap<>();
        Map<String, List<String>> testLists = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        List<Query> valQueries = new ArrayList<>();
        List<Query> testQueries = new ArrayList<>();
        for (int c = 0; c < FASHIONIQ_CATEGORIES.size(); c++) {
            String category = FASHIONIQ_CATEGORIES.get(c);
            long seed = 300 + c;
            // ASINs are ten characters, some end in X (245600258X): kept as strings.
            int categoryIndex = c;
            IntFunction<String> asin = i -> categoryIndex == 1 && i == 0 ? "245600258X"
                    : String.format("B00%d%06d", categoryIndex, i);
            for (int i = 0; i < 12; i++) {
                files.put(asin.apply(i), tile(seed, i, root.resolve("images/" + asin.apply(i) + ".png"), "png"));
            }
            valLists.put(category, new ArrayList<>(range(asin, 0, 9)));
            testLists.put(category, new ArrayList<>(range(asin, 6, 12)));
            List<SyntheticQuery> drawn = SyntheticWorld.queries(seed, 9, 5);
            for (SyntheticQuery q : drawn) {
                valQueries.add(new Query(category + "-" + q.pairId(), asin.apply(q.reference()), twoCaptions(q),
                        List.of(asin.apply(q.target())), List.of(), category));
            }
            for (int i = 0; i < 3; i++) {
                // The synthetic pack knows only its own words: a text without any is a degenerate query.
                testQueries.add(new Query(category + "-" + i, asin.apply(6 + 2 * i), twoCaptions(drawn.get(i)),
                        List.of(), List.of(), category));
            }
        }
        // ASINs listed in two categories: shirt's first two are toptee gallery images too.
        valLists.get("toptee").addAll(valLists.get("shirt").subList(0, 2));
        testLists.get("toptee").addAll(testLists.get("shirt").subList(0, 2));
        Split val = fashionIqSplit(root, "val", valLists, files, valQueries);
        Split test = fashionIqSplit(root, "test", testLists, files, testQueries);
        return new Layout(root, val, test);
    }

    /** Two captions as FashionIQ has them, joined as eval sends them: "c1 and c2". */
    private static String twoCaptions(SyntheticQuery query) {
        return query.caption() + " and looks the same otherwise";
    }

    private static Split fashionIqSplit(Path root, String split, Map<String, List<String>> lists,
                                        Map<String, Path> allFiles, List<Query> queries) {
        Map<String, Path> files = new LinkedHashMap<>();
        lists.forEach((category, ids) -> {
            write(root.resolve("image_splits/split." + category + "." + split + ".json"),
                    Json.mapper().valueToTree(ids));
            ids.forEach(id -> files.put(id, allFiles.get(id)));
            ArrayNode captions = Json.mapper().createArrayNode();
            queries.stream().filter(q -> q.category().equals(category)).forEach(q -> {
                // "c1 and c2": the replay's default caption join; eval sends the first text.
                String[] two = q.text().split(" and ", 2);
                ObjectNode entry = captions.addObject().put("candidate", q.reference());
                if (!q.positives().isEmpty()) {
                    entry.put("target", q.positives().getFirst());
                }
                entry.putArray("captions").add(two[0]).add(two[1]);
            });
            write(root.resolve("captions/cap." + category + "." + split + ".json"), captions);
        });
        return new Split(split, files, Map.copyOf(lists), queries);
    }

    /** CIRCO: 16 COCO images, 6 val queries (all gt_img_ids) and 5 test queries (none), one gallery for both. */
    static Layout circo(Path root) {
        long seed = 401;
        int images = 16;
        IntFunction<Long> cocoId = i -> 9_000L + 37L * i;
        Map<String, Path> files = new LinkedHashMap<>();
        for (int i = 0; i < images; i++) {
            String id = String.format("%012d", cocoId.apply(i));
            files.put(id, tile(seed, i, root.resolve("COCO2017_unlabeled/unlabeled2017/" + id + ".jpg"), "jpg"));
        }
        List<SyntheticQuery> drawn = SyntheticWorld.queries(seed, images, 11);
        ArrayNode val = Json.mapper().createArrayNode();
        ArrayNode test = Json.mapper().createArrayNode();
        List<Query> valQueries = new ArrayList<>();
        List<Query> testQueries = new ArrayList<>();
        for (SyntheticQuery q : drawn) {
            boolean labelled = q.pairId() < 6;
            String id = Integer.toString(labelled ? q.pairId() : q.pairId() - 6);
            ObjectNode entry = (labelled ? val : test).addObject().put("id", Integer.parseInt(id))
                    .put("reference_img_id", cocoId.apply(q.reference())).put("relative_caption", q.caption())
                    .put("shared_concept", "a tile");
            List<String> positives = new ArrayList<>();
            if (labelled) {
                entry.put("target_img_id", cocoId.apply(q.target()));
                ArrayNode gt = entry.putArray("gt_img_ids");
                q.targets().forEach(t -> {
                    gt.add(cocoId.apply(t));
                    positives.add(String.format("%012d", cocoId.apply(t)));
                });
                entry.putArray("semantic_aspects").add(1);
            }
            (labelled ? valQueries : testQueries).add(new Query(id, String.format("%012d", cocoId.apply(q.reference())),
                    q.caption(), positives, List.of(), null));
        }
        write(root.resolve("annotations/val.json"), val);
        write(root.resolve("annotations/test.json"), test);
        Map<String, List<String>> gallery = Map.of("", List.copyOf(files.keySet()));
        return new Layout(root, new Split("val", files, gallery, valQueries),
                new Split("test", files, gallery, testQueries));
    }

    private static List<String> range(IntFunction<String> id, int from, int to) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            out.add(id.apply(i));
        }
        return List.copyOf(out);
    }

    private static Path tile(long seed, int index, Path file, String format) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(TileRenderer.render(SyntheticWorld.tile(seed, index)), format, file.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object json) {
        try {
            Files.createDirectories(file.getParent());
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
