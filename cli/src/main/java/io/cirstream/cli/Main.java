package io.cirstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./cirstream}: one command line for every part of the system. */
@Command(name = "cirstream", mixinStandardHelpOptions = true, version = "cirstream 0.1.0",
        description = "Live composed image retrieval: Kafka -> embedder -> OpenSearch k-NN <- query API.",
        subcommands = {
                InfraCommand.class,
                UpCommand.class,
                EmbedderCommand.class,
                IndexerCommand.class,
                ApiCommand.class,
                IngestCommand.class,
                ReplayCommand.class,
                EvalCommand.class,
                DemoCommand.class,
                ModelCommand.class,
                WorldCommand.class,
                BenchCommand.class,
                ConfigCommand.class,
        })
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportFailure);
        BenchCommand.addBenchmarks(root.getSubcommands().get("bench"));
        withHelp(root);
        return root;
    }

    /**
     * Every command and subcommand answers {@code --help} and {@code -h}: set here once, so a command added later
     * cannot forget it (picocli only adds the options to commands that ask for them).
     */
    private static void withHelp(CommandLine command) {
        if (!command.getCommandSpec().mixinStandardHelpOptions()) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(Main::withHelp);
    }

    /** A failed command prints one clear line (the stack trace only with CIRSTREAM_LOG_LEVEL=debug). */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        commandLine.getErr().println("error: " + e.getMessage());
        if ("debug".equalsIgnoreCase(System.getenv("CIRSTREAM_LOG_LEVEL"))) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
