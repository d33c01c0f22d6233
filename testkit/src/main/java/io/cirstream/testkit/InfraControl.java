package io.cirstream.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the shared local Kafka for fault-injection tests, through {@code infra/infra.sh} (its data stays).
 * A test that stops it must start it again in a {@code finally}, so the tests after it find it running.
 */
public final class InfraControl {
    private static final long LIMIT_MINUTES = 3;

    private InfraControl() {
    }

    public static void stopKafka() {
        run("down");
    }

    public static void startKafka() {
        run("up");
    }

    public static void restartKafka() {
        stopKafka();
        startKafka();
    }

    private static void run(String command) {
        Path script = repoRoot().resolve("infra/infra.sh");
        try {
            Process process = new ProcessBuilder(script.toString(), command, "kafka").inheritIO().start();
            if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("infra.sh " + command + " kafka did not finish within "
                        + LIMIT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("infra.sh " + command + " kafka exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running infra.sh " + command + " kafka", e);
        }
    }

    private static Path repoRoot() {
        String configured = System.getProperty("cirstream.repo.root");
        if (configured != null && Files.exists(Path.of(configured, "infra/infra.sh"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("infra/infra.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("infra/infra.sh not found above " + Path.of("").toAbsolutePath());
    }
}
