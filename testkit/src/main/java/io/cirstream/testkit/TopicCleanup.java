package io.cirstream.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes, when the test JVM exits, the Kafka topics named after the names {@link LocalInfra#uniqueName} handed out.
 * Every test names its topics after a fresh unique name, so a developer's long-lived broker gained some 450
 * partitions per run of the suite; at ~11,000 it took longer than {@code infra.sh}'s 180 s to start, and the tests
 * that restart it failed. Best effort and bounded: a broker that is down at exit leaves the topics for later.
 */
final class TopicCleanup {
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private TopicCleanup() {
    }

    static void remember(String name) {
        NAMES.add(name);
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("test-topic-cleanup")
                    .unstarted(() -> deleteOwned(LocalInfra.kafkaBootstrap())));
        }
    }

    /** The topics named after one of {@code names}: the name itself, or the name followed by a suffix. */
    static List<String> owned(Collection<String> topics, Collection<String> names) {
        return topics.stream().filter(topic -> names.stream().anyMatch(topic::startsWith)).sorted().toList();
    }

    private static void deleteOwned(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            List<String> doomed = owned(admin.listTopics().names().get(10, TimeUnit.SECONDS), NAMES);
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("test topics not deleted (" + e + "); they stay on the local broker");
        }
    }
}
