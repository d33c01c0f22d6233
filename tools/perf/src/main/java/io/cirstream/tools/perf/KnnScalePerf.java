package io.cirstream.tools.perf;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.index.IndexSettings;
import io.cirstream.contract.pack.SpaceType;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.opensearch.GalleryIndexAdmin;
import io.cirstream.opensearch.OpenSearchClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code cirstream bench knn-scale}: N vectors of D dimensions in an index made the way the embedder makes it (the
 * versioned mapping, lucene HNSW, the embedder's document shape), once per vector encoder (float32, lucene's 7-bit
 * {@code sq}). Prints build time, disk, OpenSearch heap and resident memory, raw k-NN p50/p99 at concurrency 1 and
 * 16, and recall@10 against exact search on a sample of queries. Options: {@code --docs 1000000 --dims 512
 * --queries 200 --requests 500 --encoders none,sq --clusters 1000 --senders 2 --seed 7 --keep false}.
 */
public final class KnnScalePerf {
    private static final int K = 10;
    private static final int BULK_DOCS = 1_000;

    private final OpenSearchClient client;
    private final OpenSearchConfig config;
    private final ScaleVectors vectors;
    private final int docs;
    private final int senders;

    private KnnScalePerf(OpenSearchClient client, OpenSearchConfig config, ScaleVectors vectors, int docs, int senders) {
        this.client = client;
        this.config = config;
        this.vectors = vectors;
        this.docs = docs;
        this.senders = senders;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = PerfArgs.parse(args);
        int docs = Integer.parseInt(a.getOrDefault("docs", "1000000"));
        int dims = Integer.parseInt(a.getOrDefault("dims", "512"));
        int queries = Integer.parseInt(a.getOrDefault("queries", "200"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "500"));
        int clusters = Integer.parseInt(a.getOrDefault("clusters", "1000"));
        int senders = Integer.parseInt(a.getOrDefault("senders", "2"));
        long seed = Long.parseLong(a.getOrDefault("seed", "7"));
        boolean keep = Boolean.parseBoolean(a.getOrDefault("keep", "false"));
        List<String> encoders = List.of(a.getOrDefault("encoders", "none,sq").split(","));
        OpenSearchConfig config = OpenSearchConfig.from(Settings.load(Optional.empty()));
        ScaleVectors vectors = new ScaleVectors(dims, clusters, seed);
        float[][] sample = new float[queries][];
        for (int q = 0; q < queries; q++) {
            sample[q] = vectors.query(q, docs);
        }
        System.out.printf(Locale.ROOT, "knn-scale: %,d vectors x %d dims, %d clusters, %d sample queries, %d timed "
                + "requests per level, encoders %s; %d cores%n", docs, dims, clusters, queries, requests, encoders,
                Runtime.getRuntime().availableProcessors());
        long exactStart = System.nanoTime();
        List<List<Integer>> exact = ExactTopK.compute(vectors, docs, sample, K);
        System.out.printf(Locale.ROOT, "exact top-%d of the sample by brute force: %.1f s%n", K,
                (System.nanoTime() - exactStart) / 1e9);
        List<String> rows = new ArrayList<>();
        try (OpenSearchClient client = new OpenSearchClient(config)) {
            KnnScalePerf perf = new KnnScalePerf(client, config, vectors, docs, senders);
            for (String encoder : encoders) {
                rows.add(perf.run(encoder.strip(), sample, exact, requests, keep));
            }
        }
        System.out.println();
        System.out.println("| encoder | build s | docs/s | segments | disk MiB | heap MiB | RSS MiB | p50 c1 ms | p99 c1 ms "
                + "| p50 c16 ms | p99 c16 ms | req/s c16 | recall@10 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private String run(String encoder, float[][] sample, List<List<Integer>> exact, int requests, boolean keep)
            throws Exception {
        String alias = "knn-scale-" + encoder;
        delete(alias + "-v1-*");
        IndexSettings settings = IndexSettings.defaults("-1").withEncoder(encoder);
        String index = GalleryIndexAdmin.ensure(client, alias, vectors.dimension(), SpaceType.COSINE, "knn-scale",
                settings);
        try {
            long start = System.nanoTime();
            load(index);
            client.call("POST", "/" + index + "/_refresh", null);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "[%s] loaded %,d vectors in %.0f s (%.0f docs/s)%n", encoder, docs,
                    buildSeconds, docs / buildSeconds);
            double recall = recall(alias, sample, exact);
            LatencyStats one = latency(alias, sample, 1, requests);
            LatencyStats sixteen = latency(alias, sample, 16, requests);
            Memory memory = memory(index);
            System.out.printf(Locale.ROOT, "[%s] recall@10 %.4f; c1 p50 %.1f ms p99 %.1f ms; c16 p50 %.1f ms p99 %.1f ms "
                    + "%.0f req/s; disk %.0f MiB, heap %.0f MiB, RSS %.0f MiB, %d segments%n", encoder, recall,
                    one.p50Ms(), one.p99Ms(), sixteen.p50Ms(), sixteen.p99Ms(), sixteen.throughput(),
                    memory.diskMiB(), memory.heapMiB(), memory.rssMiB(), memory.segments());
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %.0f | %.4f |",
                    encoder, buildSeconds, docs / buildSeconds, memory.segments(), memory.diskMiB(), memory.heapMiB(),
                    memory.rssMiB(), one.p50Ms(), one.p99Ms(), sixteen.p50Ms(), sixteen.p99Ms(),
                    sixteen.throughput(), recall);
        } finally {
            if (!keep) {
                delete(index);
            }
        }
    }

    /**
     * Deletes an index, waiting for it to be gone. Deleting a multi-GiB index can outlast the client's 30 s request
     * limit (the 1M float32 index did, and the run stopped before the {@code sq} half); the deletion goes on in
     * OpenSearch, so a timeout here is waited out instead of ending the run.
     */
    private void delete(String pattern) throws InterruptedException {
        try {
            client.send("DELETE", "/" + pattern, null);
        } catch (RuntimeException e) {
            System.out.printf(Locale.ROOT, "deleting %s: %s; waiting for it to go%n", pattern, e.getMessage());
        }
        for (int i = 0; i < 120 && client.send("HEAD", "/" + pattern, null).ok(); i++) {
            Thread.sleep(1_000);
        }
    }

    /** Bulk-writes every vector from {@code senders} threads, with progress every 5%. */
    private void load(String index) throws Exception {
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        int batches = (docs + BULK_DOCS - 1) / BULK_DOCS;
        int step = Math.max(1, docs / 20);
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                futures.add(pool.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        int from = b * BULK_DOCS;
                        int to = Math.min(docs, from + BULK_DOCS);
                        if (client.bulk(bulk(index, from, to), false).path("errors").asBoolean()) {
                            throw new IllegalStateException("bulk write failed near vector " + from);
                        }
                        int before = written.getAndAdd(to - from);
                        if ((before + to - from) / step != before / step) {
                            System.out.printf(Locale.ROOT, "  %,d / %,d (load average %.2f)%n", before + to - from, docs,
                                    HostLoad.average());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private String bulk(String index, int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < to; i++) {
            VectorEvent event = new VectorEvent(id(i), vectors.vector(i), "knn-scale",
                    ImageMetadata.inCollection("scale").withSource("bench"), null, null, i);
            body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(event.id())
                    .append("\"}}\n").append(VectorEventCodec.document(event)).append('\n');
        }
        return body.toString();
    }

    private double recall(String alias, float[][] sample, List<List<Integer>> exact) {
        int found = 0;
        for (int q = 0; q < sample.length; q++) {
            Set<Integer> truth = new HashSet<>(exact.get(q));
            for (JsonNode hit : client.call("POST", "/" + alias + "/_search", search(sample[q])).path("hits").path("hits")) {
                if (truth.contains(index(hit.path("_id").asText()))) {
                    found++;
                }
            }
        }
        return found / (double) (sample.length * K);
    }

    private LatencyStats latency(String alias, float[][] sample, int concurrency, int requests) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = config.url().resolve("/" + alias + "/_search");
        String[] bodies = Arrays.stream(sample).map(KnnScalePerf::search).toArray(String[]::new);
        // Warm-up: the first queries page the graph in; they are not timed.
        new LoadRunner(http).run(concurrency, Math.min(requests, 100), n -> post(uri, bodies[n % bodies.length]));
        return new LoadRunner(http).run(concurrency, requests, n -> post(uri, bodies[n % bodies.length]));
    }

    private HttpRequest post(URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (!config.username().isEmpty()) {
            String token = java.util.Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder.build();
    }

    private static String search(float[] vector) {
        StringBuilder body = new StringBuilder("{\"size\":").append(K)
                .append(",\"_source\":false,\"query\":{\"knn\":{\"vector\":{\"k\":").append(K).append(",\"vector\":[");
        for (int d = 0; d < vector.length; d++) {
            body.append(d == 0 ? "" : ",").append(vector[d]);
        }
        return body.append("]}}}}").toString();
    }

    private record Memory(double diskMiB, double heapMiB, double rssMiB, int segments) {
    }

    private Memory memory(String index) {
        JsonNode cat = client.call("GET", "/_cat/indices/" + index + "?format=json&bytes=b", null);
        double disk = cat.path(0).path("store.size").asDouble() / (1 << 20);
        int segments = client.call("GET", "/_cat/segments/" + index + "?format=json", null).size();
        JsonNode node = client.call("GET", "/_nodes/_local/stats/jvm", null).path("nodes").elements().next();
        double heap = node.path("jvm").path("mem").path("heap_used_in_bytes").asDouble() / (1 << 20);
        JsonNode info = client.call("GET", "/_nodes/_local/process", null).path("nodes").elements().next();
        return new Memory(disk, heap, LocalProcess.rssMiB(info.path("process").path("id").asLong()), segments);
    }

    private static String id(int i) {
        return "s-" + i;
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(2));
    }
}
