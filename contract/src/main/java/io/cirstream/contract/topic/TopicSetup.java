package io.cirstream.contract.topic;

import io.cirstream.contract.config.KafkaConfig;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;

/**
 * Creates the embedder's topics when absent. The live gallery and {@code vectors} are compacted (latest state per
 * image id, so both can be replayed to rebuild an index); the dead-letter topic keeps every record for its
 * retention (several letters may share a key, and some have none).
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    public static void ensure(KafkaConfig kafka, Topics topics) {
        KafkaSetup.ensureTopics(kafka, List.of(topics.gallery(), topics.vectors()));
        KafkaSetup.ensureTopics(kafka, List.of(topics.deadLetters()), TopicConfig.CLEANUP_POLICY_DELETE);
    }
}
