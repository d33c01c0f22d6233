package io.cirstream.tools.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * The true top-k of each query by brute force over the whole streamed gallery (dot product = cosine on unit
 * vectors): the reference recall@k is measured against. Runs in parallel over chunks of the gallery.
 */
final class ExactTopK {

    private ExactTopK() {
    }

    /** For each query, the ids (gallery indices) of its {@code k} nearest vectors. */
    static List<List<Integer>> compute(ScaleVectors gallery, int galleryCount, float[][] queries, int k) {
        int chunks = Math.max(1, Runtime.getRuntime().availableProcessors() * 4);
        List<List<PriorityQueue<Scored>>> partial = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            List<PriorityQueue<Scored>> heaps = new ArrayList<>();
            for (int q = 0; q < queries.length; q++) {
                heaps.add(new PriorityQueue<>());
            }
            for (int i = chunk; i < galleryCount; i += chunks) {
                float[] v = gallery.vector(i);
                for (int q = 0; q < queries.length; q++) {
                    offer(heaps.get(q), new Scored(dot(v, queries[q]), i), k);
                }
            }
            return heaps;
        }).toList();
        List<List<Integer>> result = new ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            PriorityQueue<Scored> merged = new PriorityQueue<>();
            for (List<PriorityQueue<Scored>> heaps : partial) {
                heaps.get(q).forEach(s -> offer(merged, s, k));
            }
            result.add(merged.stream().map(Scored::index).toList());
        }
        return result;
    }

    private static void offer(PriorityQueue<Scored> heap, Scored candidate, int k) {
        if (heap.size() < k) {
            heap.add(candidate);
        } else if (candidate.score() > heap.peek().score()) {
            heap.poll();
            heap.add(candidate);
        }
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    /** Min-heap order: the weakest of the current top-k is at the head. */
    private record Scored(float score, int index) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored other) {
            return Float.compare(score, other.score);
        }
    }
}
