package io.cirstream.cli;

import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.publisher.IngestConfig;
import io.cirstream.ingest.source.IngestOptions;
import io.cirstream.ingest.source.IngestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cirstream ingest PATH...}: validates images and publishes them to the gallery topic. */
@Command(name = "ingest", description = "Publish images from folders, globs, CSV or JSONL image lists to Kafka.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Parameters(arity = "1..*", description = "folders, glob patterns, .csv/.jsonl image lists or image files")
    List<String> paths;

    @Option(names = "--collection", description = "gallery the images join (default: ${DEFAULT-VALUE})")
    String collection = "default";

    @Option(names = "--rate", description = "at most this many images per second (0 = unbounded)")
    Integer rate;

    @Override
    public Integer call() {
        Map<String, String> overrides = new HashMap<>();
        if (rate != null) {
            overrides.put(IngestConfig.RATE.name(), rate.toString());
        }
        Settings settings = config.load(overrides);
        settings.validate(IngestConfig.KEYS);
        var publisher = IngestConfig.publisherOptions(settings, Topics.from(settings).gallery());
        var summary = IngestRunner.run(new IngestOptions(paths, publisher, collection, Duration.ofSeconds(10)), System.err);
        return summary.exitCode();
    }
}
