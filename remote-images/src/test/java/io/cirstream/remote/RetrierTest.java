package io.cirstream.remote;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrierTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350));

    private final List<Duration> slept = new ArrayList<>();
    private final Retrier retrier = new Retrier(POLICY, slept::add, () -> 0.5);

    @Test
    void backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        assertThat(POLICY.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(POLICY.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(75));
        assertThat(POLICY.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(175));
        assertThat(POLICY.backoff(60, 0.0)).isEqualTo(Duration.ofMillis(175));
    }

    @Test
    void backoffStaysWithinHalfAndWholeStepForAnyRetryAndJitter() {
        SplittableRandom random = new SplittableRandom(17);
        RetryPolicy wide = new RetryPolicy(10, Duration.ofNanos(1), Duration.ofDays(365));
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            RetryPolicy policy = i % 2 == 0 ? POLICY : wide;
            int retry = 1 + random.nextInt(200);
            Duration pause = policy.backoff(retry, random.nextDouble());
            assertThat(pause).isPositive().isLessThanOrEqualTo(policy.maxBackoff());
            assertThat(pause.multipliedBy(2)).isGreaterThanOrEqualTo(
                    policy.backoff(retry, 0.0).multipliedBy(2).minusNanos(1));
            checked++;
        }
        System.out.println("backoff checked for " + checked + " random retries");
    }

    @Test
    void transientFailuresAreRetriedUntilTheWorkSucceeds() throws FetchException {
        AtomicInteger calls = new AtomicInteger();
        byte[] bytes = retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw FetchReason.SERVER_ERROR.failure("503");
            }
            return new byte[] {1, 2};
        });
        assertThat(bytes).containsExactly(1, 2);
        assertThat(slept).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150));
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(() -> {
            calls.incrementAndGet();
            throw FetchReason.NOT_FOUND.failure("404");
        })).isInstanceOf(PermanentFetchException.class);
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void exhaustedAttemptsStayTransientAndSayHowManyWereMade() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(() -> {
            calls.incrementAndGet();
            throw FetchReason.THROTTLED.failure("429");
        })).isInstanceOfSatisfying(TransientFetchException.class, e -> {
            assertThat(e.code()).isEqualTo("throttled");
            assertThat(e.getMessage()).startsWith("gave up after 4 attempts");
        });
        assertThat(calls).hasValue(4);
        assertThat(slept).hasSize(3);
    }

    @Test
    void anInterruptedPauseEndsTheRetriesAndKeepsTheInterrupt() {
        Retrier interrupted = new Retrier(POLICY, d -> {
            throw new InterruptedException("stop");
        }, () -> 0.0);
        try {
            assertThatThrownBy(() -> interrupted.call(() -> {
                throw FetchReason.TIMEOUT.failure("slow");
            })).isInstanceOfSatisfying(TransientFetchException.class,
                    e -> assertThat(e.reason()).isEqualTo(FetchReason.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void policiesRefuseNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.backoff(0, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
