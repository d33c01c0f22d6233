package io.cirstream.eval.live;

import io.cirstream.eval.metric.MetricNames;
import io.cirstream.model.ModelRuntime;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Each benchmark's official metrics recomputed from first principles over one split's own image files: the files
 * encoded here with the pack (not read back from the index), the query composed by {@link BruteForceRecall}'s
 * arithmetic, the split's gallery (the query's category's for FashionIQ) fully sorted by cosine, ties by id.
 * Shares no code with eval's metrics, its exact search or the query API.
 */
final class ProtocolOracle {
    private final PublishedLayouts.Split split;
    private final Map<String, float[]> images = new HashMap<>();
    private final Map<String, float[]> texts = new HashMap<>();

    ProtocolOracle(ModelRuntime runtime, PublishedLayouts.Split split) {
        this.split = split;
        List<String> ids = List.copyOf(split.files().keySet());
        List<BufferedImage> pixels = new ArrayList<>();
        for (String id : ids) {
            pixels.add(read(split.files().get(id)));
        }
        List<float[]> vectors = runtime.images().encode(pixels);
        for (int i = 0; i < ids.size(); i++) {
            images.put(ids.get(i), vectors.get(i));
        }
        List<String> captions = split.queries().stream().map(PublishedLayouts.Query::text).distinct().toList();
        List<float[]> encoded = runtime.texts().encode(captions);
        for (int i = 0; i < captions.size(); i++) {
            texts.put(captions.get(i), encoded.get(i));
        }
    }

    /** The query's gallery by decreasing cosine (ties by id), the reference left out when {@code dropReference}. */
    List<String> ranking(PublishedLayouts.Query query, String method, double alpha, boolean dropReference) {
        double[] q = BruteForceRecall.compose(method, alpha, images.get(query.reference()), texts.get(query.text()));
        List<String> gallery = split.galleries().get(query.category() == null ? "" : query.category());
        return gallery.stream().filter(id -> !dropReference || !id.equals(query.reference()))
                .sorted(Comparator.comparingDouble((String id) -> -BruteForceRecall.cosine(q, images.get(id)))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The exact similarity of gallery image {@code id} to the query's composed vector. */
    double score(PublishedLayouts.Query query, String method, double alpha, String id) {
        double[] q = BruteForceRecall.compose(method, alpha, images.get(query.reference()), texts.get(query.text()));
        return BruteForceRecall.cosine(q, images.get(id));
    }

    /** CIRR: R@1/5/10/50 (target_hard in the top K, reference removed) and Rsubset@1/2/3 over img_set.members. */
    Map<String, Double> cirr(String method, double alpha) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : List.of(1, 5, 10, 50)) {
            metrics.put(MetricNames.recall(k), mean(split.queries(), q -> hit(ranking(q, method, alpha, true), q, k)));
        }
        for (int k : List.of(1, 2, 3)) {
            metrics.put(MetricNames.subsetRecall(k), mean(split.queries(), q -> hit(ranking(q, method, alpha, true)
                    .stream().filter(Set.copyOf(q.members())::contains).toList(), q, k)));
        }
        return metrics;
    }

    /** FashionIQ: R@10/50 per category over its own gallery, reference kept, and their mean over categories. */
    Map<String, Double> fashionIq(String method, double alpha) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : List.of(10, 50)) {
            double sum = 0;
            for (String category : PublishedLayouts.FASHIONIQ_CATEGORIES) {
                double r = mean(split.queries().stream().filter(q -> q.category().equals(category)).toList(),
                        q -> hit(ranking(q, method, alpha, false), q, k));
                metrics.put(MetricNames.inCategory(category, MetricNames.recall(k)), r);
                sum += r;
            }
            metrics.put(MetricNames.recall(k), sum / PublishedLayouts.FASHIONIQ_CATEGORIES.size());
        }
        return metrics;
    }

    /** CIRCO: mAP@5/10/25/50, AP@K = 1/min(K, |G|) · Σ_{k≤K} P@k · rel(k) over all gt_img_ids, reference removed. */
    Map<String, Double> circo(String method, double alpha) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : List.of(5, 10, 25, 50)) {
            int cutoff = k;
            metrics.put(MetricNames.mapAt(k), mean(split.queries(), q -> {
                List<String> ranked = ranking(q, method, alpha, true);
                double hits = 0;
                double sum = 0;
                for (int rank = 0; rank < Math.min(cutoff, ranked.size()); rank++) {
                    if (q.positives().contains(ranked.get(rank))) {
                        hits++;
                        sum += hits / (rank + 1);
                    }
                }
                return sum / Math.min(cutoff, q.positives().size());
            }));
        }
        return metrics;
    }

    private static double hit(List<String> ranked, PublishedLayouts.Query query, int k) {
        return ranked.subList(0, Math.min(k, ranked.size())).contains(query.positives().getFirst()) ? 1 : 0;
    }

    private static double mean(List<PublishedLayouts.Query> queries,
                               ToDoubleFunction<PublishedLayouts.Query> score) {
        return 100.0 * queries.stream().mapToDouble(score).sum() / queries.size();
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
