package io.cirstream.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 item 7: {@code replay --help} and {@code demo --help} answered "Unknown option". */
class HelpTest {

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(12);
        for (List<String> path : paths) {
            CommandLine cli = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            List<String> args = new ArrayList<>(path);
            args.add("--help");

            int rc = cli.execute(args.toArray(String[]::new));

            assertThat(rc).as("%s --help: %s", path, err).isZero();
            assertThat(out.toString()).as("%s --help", path).contains("Usage:").doesNotContain("Unknown option");
        }
    }

    @Test
    void replayHelpListsTheParserAndProblemFlags() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("replay", "--help")).isZero();

        assertThat(out.toString()).contains("--data", "--images", "--categories", "--image-extension",
                "--caption-join", "--class-merge", "--max-problems", "--problems-dir", "--on-problem", "--limit");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
