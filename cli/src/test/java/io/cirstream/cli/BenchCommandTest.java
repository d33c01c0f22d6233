package io.cirstream.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void everyBenchmarkIsASubcommandOfBenchWithItsUsage() {
        CommandLine bench = Main.commandLine().getSubcommands().get("bench");

        assertThat(bench.getSubcommands().keySet()).containsExactlyElementsOf(
                BenchCommand.BENCHMARKS.stream().map(BenchCommand.Entry::name).toList());
        for (BenchCommand.Entry entry : BenchCommand.BENCHMARKS) {
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));

            assertThat(cli.execute("bench", entry.name(), "--help")).isZero();
            // picocli wraps the line at spaces and after commas
            assertThat(out.toString().replaceAll("\\s", "")).contains(entry.usage().replaceAll("\\s", ""));
        }
    }

    @Test
    void argumentsAfterTheBenchmarkNameReachItsMainUnchanged() {
        List<List<String>> calls = new ArrayList<>();
        CommandLine bench = new CommandLine(new BenchCommand());
        BenchCommand.addBenchmarks(bench, List.of(
                new BenchCommand.Entry("first", "records its arguments", args -> calls.add(List.of(args))),
                new BenchCommand.Entry("second", "fails", args -> {
                    throw new IllegalStateException("no OpenSearch");
                })));

        int rc = bench.execute("first", "--images", "96000", "docs=20000", "--profile", "true");

        assertThat(rc).isZero();
        assertThat(calls).containsExactly(List.of("--images", "96000", "docs=20000", "--profile", "true"));
        bench.setErr(new PrintWriter(new StringWriter()));
        assertThat(bench.execute("second")).isNotZero();
        assertThat(calls).hasSize(1);
    }
}
