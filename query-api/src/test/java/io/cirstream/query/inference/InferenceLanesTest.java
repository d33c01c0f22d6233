package io.cirstream.query.inference;

import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12: slow image work must not starve text queries, and work whose request timed out never starts. */
class InferenceLanesTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTextQueryRunsWhileEveryImageThreadIsBusy() throws Exception {
        try (Inference inference = new Inference(vertx, 1, 4, Duration.ofMinutes(1), new SimpleMeterRegistry().timer("t"))) {
            CountDownLatch release = new CountDownLatch(1);
            Future<Integer> slowImage = inference.run(Inference.Lane.IMAGE, () -> {
                release.await(60, TimeUnit.SECONDS);
                return 1;
            });
            Future<Integer> queuedImage = inference.run(Inference.Lane.IMAGE, () -> 2);
            Integer text = inference.run(Inference.Lane.TEXT, () -> 3).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(text).isEqualTo(3);
            assertThat(slowImage.isComplete()).isFalse();
            assertThat(queuedImage.isComplete()).isFalse();
            release.countDown();
            assertThat(queuedImage.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void aTaskThatWaitedPastTheRequestTimeoutIsNeverStarted() throws Exception {
        try (Inference inference = new Inference(vertx, 1, 4, Duration.ofMillis(50), new SimpleMeterRegistry().timer("t"))) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocking = new CountDownLatch(1);
            Future<Integer> busy = inference.run(Inference.Lane.IMAGE, () -> {
                blocking.countDown();
                release.await(60, TimeUnit.SECONDS);
                return 1;
            });
            AtomicBoolean started = new AtomicBoolean();
            Future<Integer> late = inference.run(Inference.Lane.IMAGE, () -> {
                started.set(true);
                return 2;
            });
            assertThat(blocking.await(30, TimeUnit.SECONDS)).isTrue();
            // Hold the only thread until the queued task is certainly past its 50 ms wait.
            Thread.sleep(200);
            release.countDown();
            busy.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> late.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(QueryError.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TIMEOUT));
            assertThat(started).isFalse();
            assertThat(inference.depth()).isZero();
        }
    }
}
