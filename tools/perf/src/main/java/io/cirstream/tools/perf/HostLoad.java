package io.cirstream.tools.perf;

import java.lang.management.ManagementFactory;

/** The host's one-minute load average, printed beside perf figures so a reader sees what else the machine was doing. */
final class HostLoad {
    private HostLoad() {
    }

    /** Negative where the platform does not report one. */
    static double average() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
