package io.cirstream.core.config;

import java.util.List;

/** Where Kafka is and how topics are created; shared by every service that talks to Kafka. */
public record KafkaConfig(String bootstrapServers, int partitions, short replicationFactor) {

    public static final ConfigKey<String> BOOTSTRAP =
            ConfigKey.string("kafka.bootstrap", "127.0.0.1:9092", "Kafka bootstrap servers (host:port,...)");
    public static final ConfigKey<Integer> PARTITIONS =
            ConfigKey.integer("kafka.partitions", 3, 1, 1024, "partitions for topics cirstream creates");
    public static final ConfigKey<Integer> REPLICATION =
            ConfigKey.integer("kafka.replication", 1, 1, 16, "replication factor for topics cirstream creates");

    /** Shared by every service so that the embedder, the API and eval agree on topic names. */
    public static final ConfigKey<String> TOPIC_PREFIX = new ConfigKey<>("kafka.topic-prefix", "", String::strip, false,
            "prefix of every topic name (isolates runs that share one Kafka)");

    public static final List<ConfigKey<?>> KEYS = List.of(BOOTSTRAP, PARTITIONS, REPLICATION, TOPIC_PREFIX);

    public static KafkaConfig from(Settings settings) {
        String bootstrap = settings.get(BOOTSTRAP);
        for (String hostPort : bootstrap.split(",")) {
            if (!hostPort.strip().matches("[^:\\s]+:\\d{1,5}")) {
                throw new ConfigException("invalid kafka.bootstrap (env " + BOOTSTRAP.envName() + "): '"
                        + hostPort + "' is not host:port");
            }
        }
        return new KafkaConfig(bootstrap, settings.get(PARTITIONS), settings.get(REPLICATION).shortValue());
    }
}
