package io.cirstream.ingest.catalogue;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.KafkaSetup;
import io.cirstream.contract.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The Kafka Streams app that maps one catalogue topic into the gallery topic ({@link CatalogueTopology}), run by
 * {@code ./cirstream ingest --from-topic <name>} until stopped. Its application id is per mapping, so each catalogue
 * keeps its own offsets and product store.
 */
public final class CatalogueStream implements AutoCloseable {
    private final KafkaStreams streams;

    private CatalogueStream(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Creates the gallery and dead-letter topics if missing and starts mapping {@code mapping.topic()}. */
    public static CatalogueStream start(CatalogueMapping mapping, KafkaConfig kafka, Topics topics, Path stateDir) {
        KafkaSetup.ensureTopics(kafka, List.of(topics.gallery(), topics.deadLetters()));
        KafkaStreams streams = new KafkaStreams(CatalogueTopology.build(mapping, topics),
                properties(mapping, kafka, topics, stateDir));
        streams.start();
        return new CatalogueStream(streams);
    }

    public static String applicationId(CatalogueMapping mapping, Topics topics) {
        return topics.gallery() + ".catalogue." + mapping.name();
    }

    static Properties properties(CatalogueMapping mapping, KafkaConfig kafka, Topics topics, Path stateDir) {
        Properties props = new Properties();
        // Security and timeouts first, so the settings exactly-once depends on win over them.
        props.putAll(kafka.client());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(mapping, topics));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        // The product store, the gallery events and the catalogue offsets commit in one transaction.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        // A new mapping reads the catalogue from its beginning: the inventory as it stands, not only later changes.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close();
    }
}
