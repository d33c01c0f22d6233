package io.cirstream.query.app;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.testkit.InfraControl;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: publishing an upload can block for {@code max.block.ms} while Kafka is unreachable. That wait must
 * happen on a worker: other requests are answered meanwhile, and the upload gets its own answer when it ends.
 * (Sending on the event loop held every request of the server behind the upload.) Issue 14: meanwhile /ready
 * answers, not ready, naming Kafka.
 */
@IntegrationTest
class EventLoopIntegrationTest {

    @Test
    void anUploadWaitingForAnUnreachableKafkaDoesNotHoldOtherRequests() throws Exception {
        try (ApiFixture api = ApiFixture.start(Map.of(KafkaConfig.CLIENT_PREFIX + ".max.block.ms", "10000"))) {
            byte[] png = Files.readAllBytes(api.gallery.byIndex(3).file());
            InfraControl.stopKafka();
            try {
                CompletableFuture<ApiFixture.Response> upload = CompletableFuture.supplyAsync(() ->
                        api.postMultipart("/v1/images", Map.of("id", "while-kafka-is-away"), "image", png));
                // Pacing only: give the upload time to reach the server and start waiting for Kafka's metadata.
                Thread.sleep(2_000);

                ApiFixture.Response health = api.get("/health");
                ApiFixture.Response ready = api.get("/ready");

                assertThat(health.status()).isEqualTo(200);
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().path("checks").path("kafka").asBoolean(true)).isFalse();
                assertThat(upload).as("the upload is still waiting for Kafka when /health has answered").isNotDone();
                ApiFixture.Response answer = upload.get(90, TimeUnit.SECONDS);
                assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(503);
                assertThat(answer.json().path("error").path("code").asText()).isIn("kafka_unavailable", "timeout");
            } finally {
                InfraControl.startKafka();
            }
        }
    }
}
