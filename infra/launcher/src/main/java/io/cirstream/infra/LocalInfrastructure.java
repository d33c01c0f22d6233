package io.cirstream.infra;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.opensearch.OpenSearchClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local Kafka and OpenSearch of {@code infra/infra.sh}, for everything that needs them started on
 * demand: the launcher, the demo and the test harness. Whoever calls {@link #ensureUp} owns a lease: closing
 * it stops the infrastructure only if that call started it, so running infrastructure is never taken away.
 */
public final class LocalInfrastructure implements AutoCloseable {
    private static final long SCRIPT_TIMEOUT_MINUTES = 10;

    private final boolean startedHere;
    private final PrintStream log;

    private LocalInfrastructure(boolean startedHere, PrintStream log) {
        this.startedHere = startedHere;
        this.log = log;
    }

    /** Starts Kafka and OpenSearch with {@code infra/infra.sh up} unless both already answer. */
    public static LocalInfrastructure ensureUp(KafkaConfig kafka, OpenSearchConfig openSearch, PrintStream log) {
        if (answering(kafka, openSearch)) {
            return new LocalInfrastructure(false, log);
        }
        log.println("Kafka or OpenSearch is not answering; starting them with infra/infra.sh up");
        requireSuccess("up");
        if (!answering(kafka, openSearch)) {
            throw new IllegalStateException("infra/infra.sh up finished but Kafka (" + kafka.bootstrapServers()
                    + ") or OpenSearch (" + openSearch.url() + ") does not answer; see docs/operations.md");
        }
        return new LocalInfrastructure(true, log);
    }

    public boolean startedHere() {
        return startedHere;
    }

    @Override
    public void close() {
        if (startedHere) {
            log.println("stopping the Kafka and OpenSearch started for this run");
            requireSuccess("down");
        }
    }

    public static boolean answering(KafkaConfig kafka, OpenSearchConfig openSearch) {
        return kafkaListening(kafka) && openSearchHealthy(openSearch);
    }

    /** Runs {@code infra/infra.sh ARGS...} with this process's terminal and returns its exit code. */
    public static int runScript(String... args) {
        Path script = repoRoot().resolve("infra/infra.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra/infra.sh " + String.join(" ", args) + " did not finish in "
                        + SCRIPT_TIMEOUT_MINUTES + " min");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running infra/infra.sh", e);
        }
    }

    /** The checkout's root: {@code -Dcirstream.repo.root} (set by ./cirstream and the build), else found above the working directory. */
    public static Path repoRoot() {
        String configured = System.getProperty("cirstream.repo.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "infra/infra.sh"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/infra.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find infra/infra.sh above " + Path.of("").toAbsolutePath()
                + "; run from a checkout (./cirstream) or set -Dcirstream.repo.root");
    }

    private static void requireSuccess(String command) {
        int rc = runScript(command);
        if (rc != 0) {
            throw new IllegalStateException("infra/infra.sh " + command + " failed with exit code " + rc
                    + " (its output is above)");
        }
    }

    private static boolean kafkaListening(KafkaConfig kafka) {
        for (String hostPort : kafka.bootstrapServers().split(",")) {
            String[] parts = hostPort.strip().split(":");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
                return true;
            } catch (IOException e) {
                // try the next bootstrap server
            }
        }
        return false;
    }

    private static boolean openSearchHealthy(OpenSearchConfig openSearch) {
        try (OpenSearchClient client = new OpenSearchClient(openSearch)) {
            return client.healthy();
        }
    }
}
