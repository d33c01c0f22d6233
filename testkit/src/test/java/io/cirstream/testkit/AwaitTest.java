package io.cirstream.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();
        Await.until("the third check", Duration.ofSeconds(30), () -> checks.incrementAndGet() == 3);
        assertThat(checks).hasValue(3);
    }

    @Test
    void failsNamingWhatWasAwaitedOnceTheLimitPasses() {
        AtomicInteger checks = new AtomicInteger();
        assertThatThrownBy(() -> Await.until("a condition that never holds", Duration.ofMillis(250),
                () -> checks.incrementAndGet() < 0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for a condition that never holds");
        assertThat(checks.get()).as("checked more than once before giving up").isGreaterThan(1);
    }

    @Test
    void aReadingIsReturnedOnceDoneAndNamedWhenTheLimitPasses() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(Await.until("three reads", Duration.ofSeconds(30), reads::incrementAndGet, n -> n >= 3)).isEqualTo(3);
        assertThatThrownBy(() -> Await.until("a negative count", Duration.ofMillis(250), reads::incrementAndGet,
                n -> n < 0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for a negative count; last read: ");
    }

    @Test
    void aCheckThatThrowsFailsAtOnceWithItsCause() {
        IOException refused = new IOException("connection refused");
        assertThatThrownBy(() -> Await.until("the index", Duration.ofMinutes(5), () -> {
            throw refused;
        })).isInstanceOf(AssertionError.class).hasMessageContaining("checking for the index failed")
                .hasCause(refused);
        IllegalStateException broken = new IllegalStateException("broken");
        assertThatThrownBy(() -> Await.until("the index", Duration.ofMinutes(5), () -> {
            throw broken;
        })).isSameAs(broken);
    }

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.until("never", Duration.ofMinutes(5), () -> false))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("interrupted waiting for never");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
