package io.cirstream.contract.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where Kafka is, how topics are created, and the client settings every producer, consumer, admin and Streams
 * client gets; shared by every service that talks to Kafka.
 *
 * @param minInsyncReplicas {@code min.insync.replicas} of the topics cirstream creates (the embedder's internal
 *                          ones included); 0 leaves the broker's default
 * @param client Kafka client settings passed through verbatim ({@code kafka.client.*}, e.g. security.protocol,
 *               sasl.mechanism, sasl.jaas.config, ssl.truststore.location): what a managed or secured Kafka needs
 */
public record KafkaConfig(String bootstrapServers, int partitions, short replicationFactor, int minInsyncReplicas,
                          Map<String, String> client) {

    public static final ConfigKey<String> BOOTSTRAP =
            ConfigKey.string("kafka.bootstrap", "127.0.0.1:9092", "Kafka bootstrap servers (host:port,...)");
    public static final ConfigKey<Integer> PARTITIONS =
            ConfigKey.integer("kafka.partitions", 3, 1, 1024, "partitions for topics cirstream creates");
    public static final ConfigKey<Integer> REPLICATION =
            ConfigKey.integer("kafka.replication", 1, 1, 16, "replication factor for topics cirstream creates");
    public static final ConfigKey<Integer> MIN_INSYNC_REPLICAS = ConfigKey.integer("kafka.min-insync-replicas", 0, 0, 16,
            "min.insync.replicas of topics cirstream creates (0: the broker's default); with acks=all, writes stop"
                    + " rather than risk loss when fewer replicas are in sync");

    /** Shared by every service so that the embedder, the API and eval agree on topic names. */
    public static final ConfigKey<String> TOPIC_PREFIX = new ConfigKey<>("kafka.topic-prefix", "", String::strip, false,
            "prefix of every topic name (isolates runs that share one Kafka)");

    /** The free-form prefix of pass-through client settings; not a key of its own. */
    public static final String CLIENT_PREFIX = "kafka.client";

    public static final List<ConfigKey<?>> KEYS = List.of(BOOTSTRAP, PARTITIONS, REPLICATION, MIN_INSYNC_REPLICAS,
            TOPIC_PREFIX);

    public KafkaConfig {
        if (minInsyncReplicas > replicationFactor) {
            throw new ConfigException("kafka.min-insync-replicas (" + minInsyncReplicas + ") exceeds kafka.replication ("
                    + replicationFactor + "): no write could ever be acknowledged");
        }
        client = Map.copyOf(client);
    }

    /** The broker's default {@code min.insync.replicas}. */
    public KafkaConfig(String bootstrapServers, int partitions, short replicationFactor, Map<String, String> client) {
        this(bootstrapServers, partitions, replicationFactor, 0, client);
    }

    /** Plain-text Kafka without extra client settings: the local infrastructure and most tests. */
    public KafkaConfig(String bootstrapServers, int partitions, short replicationFactor) {
        this(bootstrapServers, partitions, replicationFactor, 0, Map.of());
    }

    public static KafkaConfig from(Settings settings) {
        String bootstrap = settings.get(BOOTSTRAP);
        for (String hostPort : bootstrap.split(",")) {
            if (!hostPort.strip().matches("[^:\\s]+:\\d{1,5}")) {
                throw new ConfigException("invalid kafka.bootstrap (env " + BOOTSTRAP.envName() + "): '"
                        + hostPort + "' is not host:port");
            }
        }
        Map<String, String> client = settings.under(CLIENT_PREFIX);
        if (client.containsKey("bootstrap.servers")) {
            throw new ConfigException("set the brokers with kafka.bootstrap (env " + BOOTSTRAP.envName()
                    + "), not " + CLIENT_PREFIX + ".bootstrap.servers");
        }
        return new KafkaConfig(bootstrap, settings.get(PARTITIONS), settings.get(REPLICATION).shortValue(),
                settings.get(MIN_INSYNC_REPLICAS), client);
    }

    /**
     * The configuration of one Kafka client: the brokers, then the pass-through settings, then {@code own}, the
     * settings the calling client needs to be correct (serialisers, isolation level, idempotence, transactional
     * ids), which a pass-through setting cannot override.
     */
    public Map<String, Object> clientConfig(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(client);
        config.putAll(own);
        return config;
    }

    /** The pass-through settings for printing: values of passwords, keys and JAAS lines masked. */
    public Map<String, String> describeClient() {
        Map<String, String> shown = new TreeMap<>();
        client.forEach((k, v) -> shown.put(k, isSecret(k) ? "****" : v));
        return shown;
    }

    /** Whether a Kafka client setting holds a secret (passwords, keys, JAAS lines with credentials). */
    public static boolean isSecret(String clientKey) {
        String k = clientKey.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.endsWith(".key")
                || k.contains("credentials") || k.contains("token");
    }
}
