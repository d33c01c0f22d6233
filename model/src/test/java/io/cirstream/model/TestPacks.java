package io.cirstream.model;

import io.cirstream.model.onnx.RuntimeOptions;

import io.cirstream.tools.packs.GeneratorOptions;
import io.cirstream.tools.packs.PackGenerator;

import io.cirstream.contract.pack.ModelPackException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated packs shared by the tests of one build, under target/ (generation is idempotent). */
final class TestPacks {

    private static final Path ROOT = Path.of("target", "test-packs").toAbsolutePath();

    private TestPacks() {
    }

    static Path synthetic() {
        return PackGenerator.generate(PackGenerator.SYNTHETIC, ROOT.resolve("synthetic"));
    }

    /** The synthetic pack with float16 inputs, outputs and weights. */
    static Path syntheticFp16() {
        return PackGenerator.generate(PackGenerator.SYNTHETIC_FP16, ROOT.resolve("synthetic-fp16"));
    }

    /** Manifest format 2: patch features, multi-token inversion, a composer graph. */
    static Path syntheticV2() {
        return PackGenerator.generate(PackGenerator.SYNTHETIC_V2, ROOT.resolve("synthetic-v2"));
    }

    /** vit-b32-shaped with one transformer layer per tower: the real shapes, a twelfth of the depth. */
    static Path vitB32OneLayer() {
        return PackGenerator.generate(PackGenerator.VIT_B32_SHAPED, ROOT.resolve("vit-b32-shaped-l1"),
                GeneratorOptions.defaults().withLayers(1));
    }

    static RuntimeOptions options() {
        return RuntimeOptions.defaults().withThreads(2).withBatchSize(16);
    }

    /** A writable copy of the files of {@code source} in {@code target}, for a test to damage. */
    static Path copy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /** Loading {@code pack} is refused with a message holding every fragment. */
    static void assertLoadFails(Path pack, String... fragments) {
        var thrown = assertThatThrownBy(() -> ModelRuntime.load(pack, options()).close())
                .isInstanceOf(ModelPackException.class);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }
}
