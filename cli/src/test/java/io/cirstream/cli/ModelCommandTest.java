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
    void generatesTheSyntheticPack(@TempDir Path dir) {
        Path out = dir.resolve("pack");
        int rc = Main.commandLine().execute("model", "generate", "synthetic", "--out", out.toString());
        assertThat(rc).isZero();
        assertThat(out.resolve("manifest.json")).isRegularFile();
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
