package io.cirstream.cli;

import io.cirstream.cli.demo.Demo;
import io.cirstream.cli.demo.DemoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cirstream demo}: the README's main command, everything end to end on a synthetic benchmark. */
@Command(name = "demo", description = "Local infra, generated pack and benchmark, embedder, query API, live replay "
        + "and evaluation; then serves http://localhost:8080 until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Option(names = "--work", description = "where the pack, the world and state go (default: ${DEFAULT-VALUE})")
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "cirstream-demo");

    @Option(names = "--images", description = "gallery size (default: ${DEFAULT-VALUE})")
    int images = 3_000;

    @Option(names = "--queries", description = "number of queries (default: ${DEFAULT-VALUE})")
    int queries = 1_000;

    @Option(names = "--rate", description = "replay rate, images per second (default: ${DEFAULT-VALUE})")
    double rate = 200;

    @Option(names = "--port", description = "query API port (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--exit-after-report", description = "stop after printing the report instead of serving")
    boolean exitAfterReport;

    @Override
    public Integer call() {
        DemoOptions options = DemoOptions.defaults(work, config.load()).withWorld(images, queries).withRate(rate)
                .withPort(port).withExitAfterReport(exitAfterReport);
        Demo.run(options, System.out, System.err);
        return 0;
    }
}
