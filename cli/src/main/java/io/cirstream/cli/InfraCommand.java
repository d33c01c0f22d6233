package io.cirstream.cli;

import io.cirstream.infra.LocalInfrastructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code cirstream infra up|down|status}: the local Kafka and OpenSearch (the script also runs without Java). */
@Command(name = "infra", description = "Start, stop or check the local Kafka and OpenSearch (no Docker).")
final class InfraCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "up, down or status")
    String action;

    @Parameters(index = "1", arity = "0..1", description = "kafka or opensearch (default: both)")
    String only;

    @Override
    public Integer call() {
        return only == null ? LocalInfrastructure.runScript(action) : LocalInfrastructure.runScript(action, only);
    }
}
