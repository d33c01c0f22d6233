package io.cirstream.cli;

import io.cirstream.embedder.app.EmbedderService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cirstream embedder}: gallery topics → vectors → OpenSearch, until Ctrl-C. */
@Command(name = "embedder", description = "Run the streaming embedder (Kafka Streams -> vectors -> OpenSearch k-NN) until Ctrl-C.")
final class EmbedderCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws InterruptedException {
        EmbedderService.run(config.load());
        return 0;
    }
}
