package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.PackSettings;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.model.composition.Method;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cirstream eval BENCHMARK} was asked to do.
 *
 * @param benchmark       the replayed benchmark; its protocol decides the official metrics
 * @param split           the replayed split; with the benchmark it names the collection and topics
 * @param methods         query-API methods to evaluate, in report order
 * @param annCutoffs      K values at which k-NN results are compared with exact search ({@code --k})
 * @param api             base URL of the running query API; loopback only
 * @param outDir          where the JSON, Markdown and PNG reports go
 * @param packDir         the model pack the services run, to encode query texts for exact search
 * @param concurrency     query-API requests in flight at once
 * @param receiptTimeout how long to wait for the replay's receipt
 * @param indexTimeout    how long to wait for the index to hold the whole gallery
 */
public record LiveEvalOptions(Benchmark benchmark, String split, List<String> methods, List<Integer> annCutoffs,
                              URI api, Path outDir, Path packDir, int concurrency, Duration receiptTimeout,
                              Duration indexTimeout, KafkaConfig kafka, OpenSearchConfig openSearch, Topics topics) {

    public static final List<String> DEFAULT_METHODS = List.of("image", "text", "sum", "slerp");
    public static final List<Integer> DEFAULT_ANN_CUTOFFS = List.of(1, 5, 10, 50);
    public static final URI DEFAULT_API = URI.create("http://127.0.0.1:8080");

    public LiveEvalOptions {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(packDir, "packDir");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(openSearch, "openSearch");
        split = split == null ? "val" : split;
        methods = List.copyOf(methods == null || methods.isEmpty() ? DEFAULT_METHODS : methods);
        annCutoffs = List.copyOf(annCutoffs == null || annCutoffs.isEmpty() ? DEFAULT_ANN_CUTOFFS : annCutoffs);
        api = api == null ? DEFAULT_API : api;
        receiptTimeout = receiptTimeout == null ? Duration.ofMinutes(10) : receiptTimeout;
        indexTimeout = indexTimeout == null ? Duration.ofMinutes(30) : indexTimeout;
        topics = topics == null ? Topics.defaults() : topics;
        if (!split.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("split must be a word such as val or test1, got '" + split + "'");
        }
        for (String method : methods) {
            if (Method.parse(method).isEmpty()) {
                throw new IllegalArgumentException("unknown method '" + method + "'; known: " + Method.names());
            }
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new IllegalArgumentException("a method is listed twice: " + methods);
        }
        if (annCutoffs.stream().anyMatch(k -> k < 1 || k > SearchApiClient.MAX_K)) {
            throw new IllegalArgumentException("--k cut-offs must be within 1.." + SearchApiClient.MAX_K
                    + " (the query API's largest k), got " + annCutoffs);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be within 1..64, got " + concurrency);
        }
        LoopbackUrls.require(api, "query API");
    }

    /** The defaults for everything but where the services and the pack are. */
    public static LiveEvalOptions of(Benchmark benchmark, String split, Path packDir, KafkaConfig kafka,
                                     OpenSearchConfig openSearch) {
        return new LiveEvalOptions(benchmark, split, null, null, null, Path.of("eval-reports"), packDir, 4, null,
                null, kafka, openSearch, null);
    }

    /**
     * The defaults, with Kafka, OpenSearch (index alias included), the model pack and the topic prefix read
     * from the same settings the query API runs with, so eval looks where the services write.
     */
    public static LiveEvalOptions fromSettings(Benchmark benchmark, String split, Settings settings) {
        return of(benchmark, split, settings.get(PackSettings.PACK), KafkaConfig.from(settings),
                OpenSearchConfig.from(settings)).withTopics(Topics.from(settings));
    }

    /** {@code <benchmark>-<split>}, as the replay names the gallery collection and its topics. */
    public String collection() {
        return benchmark.id() + "-" + split;
    }

    public List<Method> parsedMethods() {
        return methods.stream().map(name -> Method.parse(name).orElseThrow()).toList();
    }

    public int deepestAnnCutoff() {
        return annCutoffs.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    public LiveEvalOptions withMethods(List<String> newMethods) {
        return new LiveEvalOptions(benchmark, split, newMethods, annCutoffs, api, outDir, packDir, concurrency,
                receiptTimeout, indexTimeout, kafka, openSearch, topics);
    }

    public LiveEvalOptions withApi(URI newApi) {
        return new LiveEvalOptions(benchmark, split, methods, annCutoffs, newApi, outDir, packDir, concurrency,
                receiptTimeout, indexTimeout, kafka, openSearch, topics);
    }

    public LiveEvalOptions withOutDir(Path newOutDir) {
        return new LiveEvalOptions(benchmark, split, methods, annCutoffs, api, newOutDir, packDir, concurrency,
                receiptTimeout, indexTimeout, kafka, openSearch, topics);
    }

    public LiveEvalOptions withTopics(Topics newTopics) {
        return new LiveEvalOptions(benchmark, split, methods, annCutoffs, api, outDir, packDir, concurrency,
                receiptTimeout, indexTimeout, kafka, openSearch, newTopics);
    }
}
