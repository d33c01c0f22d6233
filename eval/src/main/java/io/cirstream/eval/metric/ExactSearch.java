package io.cirstream.eval.metric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brute-force top-K over stored vectors: the exact ranking that k-NN results and ANN recall are
 * measured against. Results follow {@link ScoredId#RANK_ORDER}, so exact ties are deterministic.
 */
public final class ExactSearch {

    /** How a query and a gallery vector are compared; higher is more similar for both. */
    public enum Similarity { INNER_PRODUCT, COSINE }

    /** Queries per gallery pass; 32 probes of 1024 floats still fit a typical L2 cache. */
    private static final int QUERY_BLOCK = 32;

    private final List<String> ids;
    private final float[][] vectors;
    private final Similarity similarity;
    private final int dimension;

    private ExactSearch(List<String> ids, float[][] vectors, Similarity similarity, int dimension) {
        this.ids = ids;
        this.vectors = vectors;
        this.similarity = similarity;
        this.dimension = dimension;
    }

    /**
     * Indexes {@code vectors[i]} under {@code ids.get(i)}. For cosine, gallery vectors are normalised
     * once here; a zero vector then has similarity 0 to everything rather than NaN.
     */
    public static ExactSearch of(List<String> ids, List<float[]> vectors, Similarity similarity) {
        if (ids.size() != vectors.size()) {
            throw new IllegalArgumentException("exact search needs one vector per id, got " + ids.size()
                    + " ids and " + vectors.size() + " vectors");
        }
        Set<String> seen = new HashSet<>();
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[][] stored = new float[vectors.size()][];
        for (int i = 0; i < vectors.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw new IllegalArgumentException("duplicate gallery id in exact search: " + ids.get(i));
            }
            float[] vector = vectors.get(i);
            requireDimension(dimension, vector, "gallery vector " + ids.get(i));
            stored[i] = similarity == Similarity.COSINE ? normalised(vector) : vector.clone();
        }
        return new ExactSearch(List.copyOf(ids), stored, similarity, dimension);
    }

    public int size() {
        return ids.size();
    }

    /** The {@code k} most similar gallery items, best first. */
    public List<ScoredId> topK(float[] query, int k) {
        return searchBlock(List.of(query), k).get(0);
    }

    /**
     * {@link #topK} for many queries on {@code threads} threads; results are in query order. Queries
     * go in blocks that share one pass over the gallery: a gallery larger than the CPU caches is then
     * read from memory once per block instead of once per query.
     */
    public List<List<ScoredId>> topKAll(List<float[]> queries, int k, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<List<ScoredId>>>> pending = new ArrayList<>();
            for (int from = 0; from < queries.size(); from += QUERY_BLOCK) {
                List<float[]> block = queries.subList(from, Math.min(from + QUERY_BLOCK, queries.size()));
                pending.add(pool.submit(() -> searchBlock(block, k)));
            }
            List<List<ScoredId>> results = new ArrayList<>(queries.size());
            for (Future<List<List<ScoredId>>> block : pending) {
                results.addAll(block.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exact search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("exact search failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private List<List<ScoredId>> searchBlock(List<float[]> queries, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        float[][] probes = new float[queries.size()][];
        TopK[] best = new TopK[queries.size()];
        for (int q = 0; q < probes.length; q++) {
            requireDimension(dimension, queries.get(q), "query vector");
            probes[q] = similarity == Similarity.COSINE ? normalised(queries.get(q)) : queries.get(q);
            best[q] = new TopK(k);
        }
        for (int i = 0; i < vectors.length; i++) {
            for (int q = 0; q < probes.length; q++) {
                best[q].offer(ids.get(i), dot(probes[q], vectors[i]));
            }
        }
        List<List<ScoredId>> results = new ArrayList<>(best.length);
        for (TopK top : best) {
            results.add(top.best());
        }
        return results;
    }

    private static void requireDimension(int expected, float[] vector, String what) {
        if (vector.length != expected) {
            throw new IllegalArgumentException(what + " has dimension " + vector.length + ", expected " + expected);
        }
    }

    /**
     * Four independent float accumulators: Java may not reorder float additions itself, and one
     * long dependency chain made exact search several times slower. The fixed order keeps scores,
     * and so tie-breaking, identical between runs.
     */
    private static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    private static float[] normalised(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        if (norm == 0.0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
