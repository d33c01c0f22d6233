package io.cirstream.tools.perf;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class JitWarmUpTest {
    private final AtomicLong compiled = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final JitWarmUp warmUp = new JitWarmUp(compiled::get, clock::get);

    /** Each round takes 100 ms of wall time and adds the next compile time of {@code perRound} (ms), the last repeated. */
    private JitWarmUp.Round rounds(long... perRound) {
        AtomicLong index = new AtomicLong();
        return () -> {
            int i = (int) Math.min(index.getAndIncrement(), perRound.length - 1);
            compiled.addAndGet(perRound[i]);
            clock.addAndGet(100_000_000L);
        };
    }

    @Test
    void runsRoundsUntilTheTimeHasPassedAndReportsTheLastRoundsCompileShare() throws Exception {
        JitWarmUp.Result result = warmUp.run(Duration.ofMillis(950), rounds(300, 150, 40, 30));

        assertThat(result.rounds()).as("ten rounds of 100 ms pass 950 ms").isEqualTo(10);
        assertThat(result.seconds()).isEqualTo(1.0);
        assertThat(result.lastCompileShare()).isEqualTo(0.3);
    }

    @Test
    void runsTheMinimumRoundsEvenWhenTheTimeIsShort() throws Exception {
        JitWarmUp.Result result = warmUp.run(Duration.ZERO, rounds(0));

        assertThat(result.rounds()).isEqualTo(JitWarmUp.MIN_ROUNDS);
        assertThat(result.lastCompileShare()).isZero();
    }
}
