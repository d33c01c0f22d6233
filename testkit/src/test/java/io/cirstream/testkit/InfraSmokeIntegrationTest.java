package io.cirstream.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.opensearch.OpenSearchClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the shared local Kafka and OpenSearch (with the lucene k-NN engine) really answer. */
@IntegrationTest
class InfraSmokeIntegrationTest {
    private static final int DIMENSION = 512;

    @Test
    void kafkaRoundTripsAnEvent() throws Exception {
        String topic = LocalInfra.uniqueName("smoke");
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "img-1", "{\"hello\":\"kafka\"}")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, LocalInfra.uniqueName("smoke-group"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("img-1");
                assertThat(r.value()).isEqualTo("{\"hello\":\"kafka\"}");
            });
        }
    }

    @Test
    void luceneKnnFindsTheNearestVectorWithinAFilter() throws Exception {
        String index = LocalInfra.uniqueName("smoke");
        try (OpenSearchClient client = LocalInfra.openSearch()) {
            client.call("PUT", "/" + index, """
                    {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
                     "mappings": {"properties": {
                       "category": {"type": "keyword"},
                       "vector": {"type": "knn_vector", "dimension": %d,
                                  "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}
                    """.formatted(DIMENSION));
            Random random = new Random(7);
            List<float[]> vectors = new ArrayList<>();
            StringBuilder bulk = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                float[] v = randomVector(random);
                vectors.add(v);
                bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"doc-").append(i).append("\"}}\n")
                        .append(Json.mapper().writeValueAsString(Map.of("category", i % 2 == 0 ? "even" : "odd", "vector", v)))
                        .append('\n');
            }
            JsonNode result = client.bulk(bulk.toString(), true);
            assertThat(result.path("errors").asBoolean()).isFalse();

            // Query with doc-42's own vector but only among "odd" docs: doc-42 must not come back, and the
            // nearest odd doc is whatever exact cosine says it is.
            float[] query = vectors.get(42);
            JsonNode hits = client.call("POST", "/" + index + "/_search", """
                    {"size": 3, "query": {"knn": {"vector": {"vector": %s, "k": 3,
                      "filter": {"term": {"category": "odd"}}}}}}
                    """.formatted(Json.mapper().writeValueAsString(query))).path("hits").path("hits");
            assertThat(hits).hasSize(3);
            assertThat(hits.get(0).path("_id").asText()).isEqualTo("doc-" + exactNearestOdd(vectors, query));
            hits.forEach(h -> assertThat(h.path("_source").path("category").asText()).isEqualTo("odd"));

            JsonNode self = client.call("POST", "/" + index + "/_search", """
                    {"size": 1, "query": {"knn": {"vector": {"vector": %s, "k": 1}}}}
                    """.formatted(Json.mapper().writeValueAsString(query))).path("hits").path("hits");
            assertThat(self.get(0).path("_id").asText()).isEqualTo("doc-42");
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.send("DELETE", "/" + index, null);
            }
        }
    }

    private static int exactNearestOdd(List<float[]> vectors, float[] query) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < vectors.size(); i += 2) {
            double score = cosine(vectors.get(i), query);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
