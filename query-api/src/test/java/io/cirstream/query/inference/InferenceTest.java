package io.cirstream.query.inference;

import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceTest {

    @Test
    void refusesWorkBeyondThreadsPlusQueueAndAdmitsAgainOnceDrained() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (Inference inference = new Inference(vertx, 1, 1, Duration.ofMinutes(1), new SimpleMeterRegistry().timer("t"))) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> running = inference.run(Inference.Lane.IMAGE, () -> {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the running task");
                }
                return 1;
            });
            Future<Integer> queued = inference.run(Inference.Lane.IMAGE, () -> 2);
            Future<Integer> refused = inference.run(Inference.Lane.IMAGE, () -> 3);

            assertThat(refused.failed()).isTrue();
            assertThat(refused.cause()).isInstanceOfSatisfying(QueryError.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OVERLOADED));
            assertThat(inference.depth()).isEqualTo(2);

            release.countDown();
            assertThat(Future.all(running, queued).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .<Integer>list()).isEqualTo(List.of(1, 2));
            assertThat(inference.run(Inference.Lane.IMAGE, () -> 4).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(4);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
