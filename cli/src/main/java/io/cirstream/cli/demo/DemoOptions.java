package io.cirstream.cli.demo;

import io.cirstream.contract.config.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cirstream demo} runs.
 *
 * @param workDir         where the generated pack, the synthetic world and the reports go
 * @param images          gallery images of the synthetic world
 * @param queries         queries of the synthetic world
 * @param seed            the world's seed: the same seed gives the same images, queries and numbers
 * @param rate            gallery images replayed per second, so evaluation starts while images stream in
 * @param port            HTTP port of the query API and web page (0: any free port)
 * @param methods         query-API methods evaluated
 * @param exitAfterReport stop everything once the report is printed instead of serving until Ctrl-C
 * @param settings        Kafka, OpenSearch and index alias; the demo adds its own topic prefix and pack
 * @param topicPrefix     prefix of every Kafka topic of this run; one per run keeps earlier runs' records out
 */
public record DemoOptions(Path workDir, int images, int queries, long seed, double rate, int port,
                          List<String> methods, boolean exitAfterReport, Settings settings, String topicPrefix) {

    public static final List<String> DEFAULT_METHODS = List.of("image", "text", "sum", "slerp", "weicom");

    public DemoOptions {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(settings, "settings");
        methods = List.copyOf(methods == null || methods.isEmpty() ? DEFAULT_METHODS : methods);
        topicPrefix = topicPrefix == null ? "demo-" + System.currentTimeMillis() + "." : topicPrefix;
        if (images < 10 || queries < 1) {
            throw new IllegalArgumentException("the demo needs at least 10 images and 1 query, got " + images
                    + " and " + queries);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be > 0 images per second, got " + rate);
        }
    }

    /** 3,000 images and 1,000 queries of seed 1, replayed at 200 images/s, served on port 8080. */
    public static DemoOptions defaults(Path workDir, Settings settings) {
        return new DemoOptions(workDir, 3_000, 1_000, 1, 200, 8080, null, false, settings, null);
    }

    public DemoOptions withWorld(int newImages, int newQueries) {
        return new DemoOptions(workDir, newImages, newQueries, seed, rate, port, methods, exitAfterReport, settings,
                topicPrefix);
    }

    public DemoOptions withExitAfterReport(boolean exit) {
        return new DemoOptions(workDir, images, queries, seed, rate, port, methods, exit, settings, topicPrefix);
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(workDir, images, queries, seed, rate, newPort, methods, exitAfterReport, settings,
                topicPrefix);
    }

    public DemoOptions withTopicPrefix(String prefix) {
        return new DemoOptions(workDir, images, queries, seed, rate, port, methods, exitAfterReport, settings, prefix);
    }

    public DemoOptions withRate(double newRate) {
        return new DemoOptions(workDir, images, queries, seed, newRate, port, methods, exitAfterReport, settings,
                topicPrefix);
    }

    /** The run's name: its topic prefix without the dot; also names its Streams app, consumer groups and state. */
    String runName() {
        return topicPrefix.replaceAll("\\.+$", "");
    }

    Path packDir() {
        return workDir.resolve("models/synthetic");
    }

    Path worldDir() {
        return workDir.resolve("world-seed" + seed + "-" + images + "x" + queries);
    }

    Path reportDir() {
        return workDir.resolve("reports");
    }
}
