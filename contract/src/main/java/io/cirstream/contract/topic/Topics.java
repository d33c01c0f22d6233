package io.cirstream.contract.topic;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every Kafka topic name in one place. Live ingest writes to {@code gallery}; a benchmark replay writes its
 * gallery to {@code gallery.bench.<name>} so the embedder (which subscribes to {@link #galleryPattern()})
 * indexes both, while its queries and receipt go to topics the evaluator reads.
 */
public final class Topics {
    private static final String NAME = "[A-Za-z0-9_-]+";
    private final String prefix;

    public Topics(String prefix) {
        if (!prefix.isEmpty() && !prefix.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("invalid topic prefix: " + prefix);
        }
        this.prefix = prefix;
    }

    public static Topics defaults() {
        return new Topics("");
    }

    /** The topics of a deployment: every command takes them from here, so {@code kafka.topic-prefix} reaches all. */
    public static Topics from(Settings settings) {
        return new Topics(settings.get(KafkaConfig.TOPIC_PREFIX));
    }

    public String gallery() {
        return prefix + "gallery";
    }

    public String deadLetters() {
        return prefix + "gallery.dlq";
    }

    public String vectors() {
        return prefix + "vectors";
    }

    public String benchmarkGallery(String benchmark) {
        return prefix + "gallery.bench." + checked(benchmark);
    }

    public String benchmarkQueries(String benchmark) {
        return prefix + "bench." + checked(benchmark) + ".queries";
    }

    public String benchmarkReceipt(String benchmark) {
        return prefix + "bench." + checked(benchmark) + ".receipt";
    }

    /**
     * The benchmark collection whose gallery topic {@code topic} is ({@link #benchmarkGallery}), or empty for the live
     * gallery topic (and any other): what scopes a document id ({@code contract.index.DocumentId}).
     */
    public Optional<String> benchmarkOfGallery(String topic) {
        String benchmarkGallery = prefix + "gallery.bench.";
        return topic.startsWith(benchmarkGallery)
                ? Optional.of(topic.substring(benchmarkGallery.length())) : Optional.empty();
    }

    /** Matches the live gallery topic and every benchmark gallery topic, never the dead-letter topic. */
    public Pattern galleryPattern() {
        return Pattern.compile(Pattern.quote(prefix + "gallery") + "(\\.bench\\." + NAME + ")?");
    }

    private static String checked(String benchmark) {
        if (!benchmark.matches(NAME)) {
            throw new IllegalArgumentException("invalid benchmark name for a topic: " + benchmark);
        }
        return benchmark;
    }
}
