package io.cirstream.tools.perf;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Removes a benchmark run's topics (its own and Kafka Streams' internal ones share the run's name as prefix). */
final class PerfTopics {

    private PerfTopics() {
    }

    static void deleteWithPrefix(KafkaConfig kafka, String prefix) {
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            var names = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList();
            admin.deleteTopics(names).all().get();
        } catch (ExecutionException e) {
            System.err.println("could not delete the benchmark topics: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
