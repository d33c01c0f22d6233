package io.cirstream.cli;

import io.cirstream.tools.packs.GeneratorOptions;
import io.cirstream.tools.packs.PackGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cirstream model generate KIND --out DIR} (a {@link PackGenerator#KINDS kind}): writes a generated model pack. */
@Command(name = "model", description = "Model packs.", subcommands = ModelCommand.Generate.class)
final class ModelCommand {

    /** The kinds as {@link PackGenerator} knows them, so the help cannot fall behind. */
    static final class PackKinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PackGenerator.KINDS.iterator();
        }
    }

    @Command(name = "generate", description = "Write a generated model pack (real ONNX files, fixed weights; not CLIP).")
    static final class Generate implements Callable<Integer> {
        @Parameters(index = "0", completionCandidates = PackKinds.class, description = "one of ${COMPLETION-CANDIDATES} "
                + "(synthetic-fp16: float16 inputs, outputs and weights; synthetic-v2: pack format 2 with patch features, "
                + "multi-token inversion and a composer graph)")
        String kind;

        @Option(names = "--out", required = true, description = "directory to write the pack into (new or empty)")
        Path out;

        @Option(names = "--layers", description = "transformer layers per tower for vit-b32-shaped (default ${DEFAULT-VALUE})")
        int layers = GeneratorOptions.defaults().layers();

        @Override
        public Integer call() {
            long start = System.nanoTime();
            Path pack = PackGenerator.generate(kind, out, GeneratorOptions.defaults().withLayers(layers));
            System.err.printf("generated %s pack in %s (%.1f s)%n", kind, pack.toAbsolutePath(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
