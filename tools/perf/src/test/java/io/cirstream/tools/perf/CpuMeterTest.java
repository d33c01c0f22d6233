package io.cirstream.tools.perf;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {

    @Test
    void hostTicksCountIdleAndIowaitAsIdleAndLeaveGuestTimeOut() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        CpuMeter.HostTicks ticks = CpuMeter.HostTicks.parse("cpu  100 5 40 800 20 3 2 0 70 9");
        assertThat(ticks.total()).isEqualTo(970);
        assertThat(ticks.busy()).isEqualTo(150);
        assertThat(CpuMeter.HostTicks.parse("cpu0 1 2 3 4")).isEqualTo(CpuMeter.HostTicks.UNKNOWN);
        assertThat(CpuMeter.HostTicks.parse("intr 5")).isEqualTo(CpuMeter.HostTicks.UNKNOWN);
    }

    @Test
    void useIsPerRequestAndTheHostsBusyShareOfTheRun() {
        AtomicLong jvm = new AtomicLong(1_000_000_000L);
        AtomicLong openSearch = new AtomicLong(50_000);
        CpuMeter.HostTicks[] host = {new CpuMeter.HostTicks(100, 1_000)};
        CpuMeter meter = new CpuMeter(jvm::get, openSearch::get, () -> host[0]);
        CpuMeter.Snapshot before = meter.snapshot();
        jvm.addAndGet(500_000_000L);
        openSearch.addAndGet(1_500);
        host[0] = new CpuMeter.HostTicks(250, 1_200);
        CpuMeter.Use use = CpuMeter.Use.between(before, meter.snapshot(), 1_000);
        assertThat(use.jvmMsPerRequest()).isEqualTo(0.5);
        assertThat(use.openSearchMsPerRequest()).isEqualTo(1.5);
        assertThat(use.hostBusy()).isEqualTo(0.75);
    }

    @Test
    void unreportedCountersGiveNotANumberRatherThanAFigure() {
        CpuMeter meter = new CpuMeter(() -> -1, () -> -1, () -> CpuMeter.HostTicks.UNKNOWN);
        CpuMeter.Use use = CpuMeter.Use.between(meter.snapshot(), meter.snapshot(), 10);
        assertThat(use.jvmMsPerRequest()).isNaN();
        assertThat(use.openSearchMsPerRequest()).isNaN();
        assertThat(use.hostBusy()).isNaN();
    }
}
