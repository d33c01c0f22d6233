package io.cirstream.cli;

import io.cirstream.indexer.IndexerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code cirstream indexer}: the OpenSearch sink alone (vectors → index), until Ctrl-C. */
@Command(name = "indexer", description = "Run the OpenSearch sink alone (vectors topic -> k-NN index) until Ctrl-C; "
        + "pair it with an embedder started with embedder.sink.enabled=false.")
final class IndexerCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Override
    public Integer call() throws InterruptedException {
        IndexerService.run(config.load());
        return 0;
    }
}
