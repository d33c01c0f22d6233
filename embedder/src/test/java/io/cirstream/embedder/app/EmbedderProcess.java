package io.cirstream.embedder.app;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.testkit.LocalInfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@link EmbedderService#main} in a JVM of its own, so a test can kill it the hard way (SIGKILL: no shutdown hook,
 * no transaction abort, no leaving the group). Its output goes to {@code embedder.log} in the work dir.
 */
final class EmbedderProcess {

    private EmbedderProcess() {
    }

    /** Launches with the harness's settings plus {@code extra} (they win). */
    static Process launch(EmbedderHarness harness, Path workDir, Map<String, String> extra) {
        try {
            Files.createDirectories(workDir);
            Path config = writeConfig(harness, extra, workDir.resolve("embedder.properties"));
            // ONNX Runtime 1.29 crashes at start when the java command line is long (a -cp of ~50 jars): an argfile
            // keeps it short.
            Path argFile = workDir.resolve("java.args");
            Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                    "-Dai.djl.offline=true", "-Dai.djl.default_engine=OnnxRuntime", "@" + argFile,
                    EmbedderService.class.getName(), config.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("embedder.log").toFile());
            // The environment wins over the config file: keep a developer's CIRSTREAM_* from redirecting the child.
            builder.environment().keySet().removeIf(name -> name.startsWith("CIRSTREAM_"));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedder process in " + workDir, e);
        }
    }

    private static Path writeConfig(EmbedderHarness harness, Map<String, String> extra, Path file) throws IOException {
        Properties props = new Properties();
        props.putAll(harness.overrides());
        props.putAll(extra);
        props.put(KafkaConfig.BOOTSTRAP.name(), LocalInfra.kafkaBootstrap());
        props.put(OpenSearchConfig.URL.name(), LocalInfra.openSearchUrl());
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "embedder child process of an integration test");
        }
        return file;
    }
}
