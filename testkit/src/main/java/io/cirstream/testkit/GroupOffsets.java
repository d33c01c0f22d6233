package io.cirstream.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A consumer group's committed offsets on the local broker, as the group coordinator holds them: what a restarted
 * member would resume from. Tests of a sink read them to check it commits only what reached its target.
 */
public final class GroupOffsets {

    private GroupOffsets() {
    }

    /** The next offset to read, per partition the group has committed on; empty when it never committed. */
    public static Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = admin()) {
            return committed(admin, group);
        }
    }

    /**
     * Polls the committed offsets until {@code done} holds for them and returns them; fails the test after
     * {@code limit}, naming {@code awaited} (what {@code done} looks for) and the offsets last read.
     */
    public static Map<TopicPartition, Long> await(String group, String awaited, Duration limit,
                                                  Predicate<Map<TopicPartition, Long>> done) {
        try (Admin admin = admin()) {
            return Await.until(awaited + " committed by group " + group, limit, () -> committed(admin, group), done);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            // A partition whose offset was reset is listed without one: nothing is committed there either.
            offsets.forEach((partition, at) -> {
                if (at != null) {
                    out.put(partition, at.offset());
                }
            });
            return out;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the committed offsets of group " + group, e);
        }
    }
}
