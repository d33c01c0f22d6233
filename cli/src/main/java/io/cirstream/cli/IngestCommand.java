package io.cirstream.cli;

import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.publisher.IngestConfig;
import io.cirstream.ingest.source.IngestOptions;
import io.cirstream.ingest.source.IngestRunner;
import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.ingest.catalogue.CatalogueMapping;
import io.cirstream.ingest.catalogue.CatalogueStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cirstream ingest PATH...}: validates images and publishes them to the gallery topic; or
 * {@code cirstream ingest --from-topic NAME}: maps a catalogue topic into the gallery topic until Ctrl-C.
 */
@Command(name = "ingest", description = {"Publish images from folders, globs, CSV or JSONL image lists to Kafka,",
        "or with --from-topic map a catalogue's own topic into the gallery until Ctrl-C (docs/connect-a-catalogue.md)."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", description = "folders, glob patterns, .csv/.jsonl image lists or image files")
    List<String> paths = List.of();

    @Option(names = "--from-topic", paramLabel = "NAME", description = "map the catalogue topic of the source.NAME.* "
            + "keys (topic, id, image-urls, metadata.*, delete-when) into the gallery topic, exactly-once, until Ctrl-C")
    String fromTopic;

    @Option(names = "--state-dir", description = "local state of --from-topic (restored from Kafka when lost; "
            + "default: ${DEFAULT-VALUE})")
    Path stateDir = Path.of(System.getProperty("java.io.tmpdir"), "cirstream-catalogue");

    @Option(names = "--collection", description = "gallery the images join (default: ${DEFAULT-VALUE})")
    String collection = "default";

    @Option(names = "--rate", description = "at most this many images per second (0 = unbounded)")
    Integer rate;

    @Override
    public Integer call() throws InterruptedException {
        if (fromTopic != null) {
            return mapCatalogue();
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give PATH... to publish images, or --from-topic NAME");
        }
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

    private int mapCatalogue() throws InterruptedException {
        if (!paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--from-topic maps a topic; it takes no PATH");
        }
        Settings settings = config.load();
        CatalogueMapping mapping = CatalogueMapping.from(settings, fromTopic);
        Topics topics = Topics.from(settings);
        CatalogueStream stream = CatalogueStream.start(mapping, KafkaConfig.from(settings), topics,
                stateDir.resolve(fromTopic));
        System.err.println("mapping topic " + mapping.topic() + " into " + topics.gallery() + " (dead letters: "
                + topics.deadLetters() + "); Ctrl-C stops");
        ServiceLifetime.runUntilStopped(stream);
        return 0;
    }
}
