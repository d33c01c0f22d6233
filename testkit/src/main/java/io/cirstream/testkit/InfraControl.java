package io.cirstream.testkit;

import io.cirstream.infra.LocalInfrastructure;

/**
 * Stops and starts the shared local Kafka for fault-injection tests, through {@code infra/infra.sh} (its data stays).
 * A test that stops it must start it again in a {@code finally}, so the tests after it find it running.
 */
public final class InfraControl {

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
        int rc = LocalInfrastructure.runScript(command, "kafka");
        if (rc != 0) {
            throw new IllegalStateException("infra.sh " + command + " kafka exited with " + rc);
        }
    }
}
