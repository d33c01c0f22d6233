package io.cirstream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCommandTest {

    @Test
    void generatesTheSyntheticPacks(@TempDir Path dir) {
        for (String kind : new String[] {"synthetic", "synthetic-fp16"}) {
            Path out = dir.resolve(kind);
            int rc = Main.commandLine().execute("model", "generate", kind, "--out", out.toString());
            assertThat(rc).isZero();
            assertThat(out.resolve("manifest.json")).isRegularFile();
        }
    }

    @Test
    void theHelpListsEveryGeneratedKind() {
        String help = Main.commandLine().getSubcommands().get("model").getSubcommands().get("generate").getUsageMessage();
        for (String kind : io.cirstream.tools.packs.PackGenerator.KINDS) {
            assertThat(help).contains(kind);
        }
        assertThat(help).contains("synthetic-v2");
    }

    @Test
    void anUnknownKindIsOneClearLineAndExitCodeOne(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute("model", "generate", "clip-vit-l14", "--out", dir.resolve("x").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: unknown pack kind 'clip-vit-l14'");
    }
}
