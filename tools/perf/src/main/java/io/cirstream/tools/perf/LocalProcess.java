package io.cirstream.tools.perf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Figures of another process on this host from /proc (Linux): resident memory, CPU time, and the broker's or the
 * search node's pid found by its main class. Everything is empty or NaN where there is no /proc or no such process,
 * since a perf run may talk to services on another host.
 */
final class LocalProcess {
    /** Clock ticks per second of /proc/PID/stat's utime and stime; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private LocalProcess() {
    }

    /** The pid of the local process whose command line contains {@code mainClass}, if exactly one does. */
    static OptionalLong find(String mainClass) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            long[] pids = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine(p).contains(mainClass))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).toArray();
            return pids.length == 1 ? OptionalLong.of(pids[0]) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** User plus system CPU time of the process so far, in nanoseconds; -1 when unknown. */
    static long cpuNanos(OptionalLong pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid.getAsLong()), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident memory in MiB; NaN when unknown. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // another host, or no /proc: the figure is left out
        }
        return Double.NaN;
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
