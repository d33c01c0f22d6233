package io.cirstream.ingest.source;

import io.cirstream.testkit.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.List;

/** Reads a whole topic, from the beginning to the end offsets at call time (with a deadline), for integration tests. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        return TopicContents.read(bootstrap, topic, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
