package io.cirstream.cli.demo;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deletes the Kafka topics of one demo run when it ends: those under its topic prefix and the embedder's
 * internal ones, which Kafka Streams names after the application id (also named after the run).
 */
final class RunTopics implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final KafkaConfig kafka;
    private final String runName;

    RunTopics(KafkaConfig kafka, String runName) {
        if (runName.isEmpty()) {
            throw new IllegalArgumentException("a demo run needs its own name");
        }
        this.kafka = kafka;
        this.runName = runName;
    }

    @Override
    public void close() {
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            List<String> ours = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(runName + ".") || t.startsWith(runName + "-")).toList();
            admin.deleteTopics(ours).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the " + this + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the " + this, e);
        }
    }

    @Override
    public String toString() {
        return "topics of run " + runName;
    }
}
