package io.cirstream.tools.perf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.contract.topic.Topics;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.GeneratorOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.model.composition.CompositionParams;
import io.cirstream.model.composition.Method;
import io.cirstream.model.composition.Composer;
import io.cirstream.query.search.Filters;
import io.cirstream.query.search.KnnQuery;
import io.cirstream.query.search.StoredVector;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Load benchmark of {@code POST /v1/search} (method sum, reference by id, k = 10) against a large index,
 * beside the raw OpenSearch k-NN query for the same composed vectors, at several concurrency levels.
 * Loopback only; the index is created for the run and deleted after it.
 *
 * <pre>java ... io.cirstream.tools.perf.QueryPerf [docs=100000] [requests=10000] [levels=1,16,64] [dims=64|512]
 *     [variants=before,cache,cache+vertx,all,nio,json] (nio: all without the epoll transport; json: all speaking JSON,
 *     not CBOR, to OpenSearch) [warmup-s=20]</pre>
 * Every variant is an API server of its own on the same index, measured right after its own raw k-NN run.
 * {@code keep=true} leaves the index for a later {@code reuse=ALIAS} run (same docs and dims). The warm-up lasts
 * {@code warmup-s} seconds at the highest level ({@link JitWarmUp}). Beside each ratio it prints what each side cost
 * in CPU per request, in this JVM (load generator and API) and in OpenSearch, and how busy the host was
 * ({@link CpuMeter}).
 */
public final class QueryPerf {
    private static final int K = 10;
    private static final int QUERIES = 512;
    private static final int DISTINCT_TILES = 1_000;
    private static final long SEED = 11L;

    private QueryPerf() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int docs = Integer.parseInt(options.getOrDefault("docs", "100000"));
        // At concurrency 64 a side serves ~2,000 requests/s here: 2,000 requests made one-second runs whose ratio swung
        // 0.73-0.86x between runs; 10,000 keep each run long enough to outlast a merge or a GC pause.
        int requests = Integer.parseInt(options.getOrDefault("requests", "10000"));
        int dims = Integer.parseInt(options.getOrDefault("dims", "64"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-s", "20")));
        List<Integer> levels = List.of(options.getOrDefault("levels", "1,16,64").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        List<Variant> variants = List.of(options.getOrDefault("variants", "all").split(",")).stream()
                .map(String::strip).map(Variant::named).toList();
        // reuse=ALIAS: an index a run with keep=true left behind (same docs, dims); building 512-d indexes takes minutes.
        String alias = options.getOrDefault("reuse", "bench-query-" + UUID.randomUUID().toString().substring(0, 8));
        boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
        // Topics of the run's own, as the embedder creates them: the API's reference cache keeps fetched vectors only
        // once its watch feed reads the vectors topic, so without the topic every search would pay a second GET.
        String prefix = alias + ".";
        Settings base = Settings.load(Optional.empty()).with(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias,
                QueryApiConfig.PORT.name(), "0", QueryApiConfig.INFERENCE_QUEUE.name(), "1024",
                QueryApiConfig.TOPIC_PREFIX.name(), prefix));
        QueryApiConfig config = QueryApiConfig.from(base);
        requireLoopback(config.openSearch().url());
        TopicSetup.ensure(config.kafka(), new Topics(prefix));

        Path pack = pack(dims);
        int distinct = dims == 64 ? DISTINCT_TILES : DISTINCT_TILES / 4;
        try (ModelRuntime runtime = ModelRuntime.load(pack, RuntimeOptions.defaults().withThreads(2));
             OpenSearchClient openSearch = new OpenSearchClient(config.openSearch())) {
            long seeding = System.nanoTime();
            String index;
            try {
                index = options.containsKey("reuse") ? alias
                        : PerfIndex.create(openSearch, runtime, alias, docs, distinct, SEED);
            } catch (RuntimeException e) {
                // Leave nothing behind on the shared OpenSearch: the index exists once its alias does.
                openSearch.send("DELETE", "/" + alias + "-*", null);
                throw e;
            }
            System.out.printf("index %s: %,d docs (dimension %d, pack %s) written and refreshed in %.1f s%n", alias,
                    docs, runtime.dimension(), runtime.packId(), (System.nanoTime() - seeding) / 1e9);
            List<QueryApiServer> servers = new ArrayList<>();
            try {
                for (Variant variant : variants) {
                    QueryApiServer server = QueryApiServer.start(QueryApiConfig.from(base.with(variant.settings())), runtime);
                    servers.add(server);
                    System.out.printf("variant %s: %s transport%n", variant.name(),
                            server.vertx().isNativeTransportEnabled() ? "epoll" : "nio");
                }
                measure(runtime, openSearch, config, variants, servers, docs, requests, levels, distinct, warmUp);
            } finally {
                servers.forEach(QueryApiServer::close);
                if (keep) {
                    System.out.printf("kept index behind alias %s (reuse=%s; delete it when done)%n", alias, alias);
                } else {
                    openSearch.send("DELETE", options.containsKey("reuse") ? "/" + alias + "-*" : "/" + index, null);
                    PerfTopics.deleteWithPrefix(config.kafka(), prefix);
                }
            }
        }
    }

    /** 64: the synthetic pack; 512: a one-layer ViT-B/32-shaped pack (CLIP's 512-d output, fast to encode). */
    private static Path pack(int dims) {
        Path dir = Path.of("target", "bench-packs");
        return switch (dims) {
            case 64 -> PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("synthetic"));
            case 512 -> PackGenerator.generate(PackGenerator.VIT_B32_SHAPED, dir.resolve("vit-b32-shaped-l1"),
                    new GeneratorOptions(1, GeneratorOptions.defaults().seed()));
            default -> throw new IllegalArgumentException("dims is 64 (synthetic pack) or 512 (vit-b32-shaped), got " + dims);
        };
    }

    /** An API configuration measured side by side with the others: the ways of issue 16, one by one. */
    private record Variant(String name, Map<String, String> settings) {
        static Variant named(String name) {
            Map<String, String> s = new HashMap<>();
            switch (name) {
                case "before" -> s.putAll(Map.of(QueryApiConfig.TRANSPORT.name(), "jdk",
                        QueryApiConfig.REFERENCE_CACHE.name(), "0", QueryApiConfig.EVENT_LOOPS.name(), "1"));
                case "cache" -> s.putAll(Map.of(QueryApiConfig.TRANSPORT.name(), "jdk",
                        QueryApiConfig.EVENT_LOOPS.name(), "1"));
                case "cache+vertx" -> s.put(QueryApiConfig.EVENT_LOOPS.name(), "1");
                case "all" -> { }
                case "nio" -> s.put(QueryApiConfig.NATIVE_TRANSPORT.name(), "false");
                case "json" -> s.put(QueryApiConfig.CBOR.name(), "false");
                default -> throw new IllegalArgumentException("variants are before, cache, cache+vertx, all, nio, json; got " + name);
            }
            return new Variant(name, s);
        }
    }

    private static void measure(ModelRuntime runtime, OpenSearchClient openSearch, QueryApiConfig config,
                                List<Variant> variants, List<QueryApiServer> servers, int docs, int requests,
                                List<Integer> levels, int distinct, Duration warmUp) throws Exception {
        List<Query> queries = queries(runtime, openSearch, config.openSearch().indexAlias(), docs, distinct);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoadRunner runner = new LoadRunner(http);
        List<URI> apis = servers.stream().map(s -> URI.create("http://127.0.0.1:" + s.port() + "/v1/search")).toList();
        URI raw = config.openSearch().url().resolve("/" + config.openSearch().indexAlias() + "/_search");
        for (URI api : apis) {
            awaitReady(http, api.resolve("/ready"));
        }
        // Warm every side (JIT, connections, the HNSW graph into the page cache, the API's caches) at the highest level
        // measured, for long enough that the JIT has reached its tail, before anything is measured.
        int warmLevel = levels.stream().mapToInt(Integer::intValue).max().orElse(4);
        JitWarmUp.Result warm = JitWarmUp.ofThisJvm().run(warmUp, () -> {
            runner.run(warmLevel, QUERIES, n -> rawRequest(raw, queries.get(n % QUERIES)));
            for (URI api : apis) {
                runner.run(warmLevel, QUERIES, n -> apiRequest(api, queries.get(n % QUERIES)));
            }
        });
        System.out.printf(Locale.ROOT, "warm-up: %d rounds of %d raw and %d API requests per variant at concurrency %d"
                        + " in %.0f s; JIT compile time in its last round: %.0f%% of the round's wall time%n", warm.rounds(),
                QUERIES, QUERIES, warmLevel, warm.seconds(), 100 * warm.lastCompileShare());

        System.out.printf("%nmethod sum, reference by id, k=%d, %d distinct queries, %d requests per level and side,"
                + " dimension %d%n", K, QUERIES, requests, runtime.dimension());
        System.out.printf("%-11s | %-12s | %-30s | %-30s | %s | %s | %s | %s%n", "concurrency", "variant",
                "query API  p50 / p99 ms, req/s", "raw k-NN  p50 / p99 ms, req/s", "API/raw p50", "API/raw req/s",
                "inside the API p50 ms: search / its k-NN round trip",
                "CPU ms/request this JVM + OpenSearch, host busy: API side ; raw side");
        CpuMeter cpu = CpuMeter.of(openSearch);
        for (int concurrency : levels) {
            for (int v = 0; v < variants.size(); v++) {
                URI api = apis.get(v);
                // Raw right before each variant: the two sides of a ratio share the machine's load of that moment.
                CpuMeter.Snapshot rawStart = cpu.snapshot();
                LatencyStats direct = runner.run(concurrency, requests, n -> rawRequest(raw, queries.get(n % QUERIES)));
                CpuMeter.Use rawCpu = CpuMeter.Use.between(rawStart, cpu.snapshot(), requests);
                ApiTimings inside = new ApiTimings(requests);
                CpuMeter.Snapshot apiStart = cpu.snapshot();
                LatencyStats viaApi = runner.run(concurrency, requests, n -> apiRequest(api, queries.get(n % QUERIES)),
                        inside::record);
                CpuMeter.Use apiCpu = CpuMeter.Use.between(apiStart, cpu.snapshot(), requests);
                System.out.printf(Locale.ROOT, "%-11d | %-12s | %7.2f / %7.2f, %7.1f%s | %7.2f / %7.2f, %7.1f%s | %.2fx | %.2fx"
                                + " | %.2f / %.2f | %s ; %s%n",
                        concurrency, variants.get(v).name(), viaApi.p50Ms(), viaApi.p99Ms(), viaApi.throughput(),
                        errors(viaApi), direct.p50Ms(), direct.p99Ms(), direct.throughput(), errors(direct),
                        viaApi.p50Ms() / direct.p50Ms(), viaApi.throughput() / direct.throughput(),
                        inside.totalP50(), inside.knnP50(), cpuUse(apiCpu), cpuUse(rawCpu));
            }
        }
    }

    /** A reference id, a modification text, and the vector the API composes from them (for the raw query). */
    private record Query(String referenceId, String text, float[] composed) {
    }

    /** Random references with captions of the synthetic world; composed here exactly as the API composes them. */
    private static List<Query> queries(ModelRuntime runtime, OpenSearchClient openSearch, String alias, int docs,
                                       int distinct) {
        List<SyntheticQuery> captions = SyntheticWorld.queries(SEED, distinct, 64);
        Composer composer = new Composer(Optional.empty(), Optional.empty());
        CompositionParams params = CompositionParams.defaults();
        SplittableRandom random = new SplittableRandom(SEED);
        List<Query> out = new ArrayList<>(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            String id = PerfIndex.id(random.nextInt(docs));
            String text = captions.get(q % captions.size()).caption();
            ObjectNode source = (ObjectNode) openSearch.call("GET", "/" + alias + "/_doc/" + id, null).path("_source");
            float[] t = runtime.texts().encode(List.of(text)).getFirst();
            out.add(new Query(id, text, composer.compose(Method.SUM, params, StoredVector.take(source), text, t)));
        }
        return out;
    }

    private static HttpRequest apiRequest(URI api, Query query) {
        String body = "{\"method\":\"sum\",\"k\":" + K + ",\"reference\":{\"id\":\"" + query.referenceId()
                + "\"},\"text\":" + TextNode.valueOf(query.text()) + "}";
        return HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest rawRequest(URI raw, Query query) {
        String body = new KnnQuery(query.composed(), K + 1, Filters.none(), false).toJson().toString();
        return HttpRequest.newBuilder(raw).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Until the API answers 200 on /ready: its watch feed reads the vectors topic, so its reference cache is on. */
    private static void awaitReady(HttpClient http, URI ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        while (answer.statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API at " + ready + " is not ready after 60 s: " + answer.body());
            }
            Thread.sleep(200);
            answer = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String cpuUse(CpuMeter.Use use) {
        return String.format(Locale.ROOT, "%.2f + %.2f, %.0f%%", use.jvmMsPerRequest(), use.openSearchMsPerRequest(),
                100 * use.hostBusy());
    }

    private static String errors(LatencyStats stats) {
        return stats.errors() == 0 ? "" : " (" + stats.errors() + " errors)";
    }

    private static void requireLoopback(URI url) throws Exception {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmark only runs against loopback; opensearch.url is " + url);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are name=value (docs, requests, levels), got " + arg);
            }
            out.put(pair[0], pair[1]);
        }
        return out;
    }
}
