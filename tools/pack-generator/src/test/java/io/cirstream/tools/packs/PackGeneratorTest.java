package io.cirstream.tools.packs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackGeneratorTest {

    @Test
    void generationIsIdempotentAndByteStable(@TempDir Path dir) throws IOException {
        Path pack = PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("a"));
        long written = Files.getLastModifiedTime(pack.resolve("image.onnx")).toMillis();
        assertThat(PackGenerator.generate(PackGenerator.SYNTHETIC, pack)).isEqualTo(pack);
        assertThat(Files.getLastModifiedTime(pack.resolve("image.onnx")).toMillis()).isEqualTo(written);

        Path again = PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("b"));
        for (String file : new String[] {"manifest.json", "tokenizer.json", "image.onnx", "image.onnx.data", "text.onnx"}) {
            assertThat(Files.readAllBytes(again.resolve(file))).isEqualTo(Files.readAllBytes(pack.resolve(file)));
        }
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void fp16VariantStoresItsWeightsInHalfTheBytes(@TempDir Path dir) throws IOException {
        Path single = PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("fp32"));
        Path half = PackGenerator.generate(PackGenerator.SYNTHETIC_FP16, dir.resolve("fp16"));
        assertThat(Files.readString(half.resolve("manifest.json"))).contains("\"precision\" : \"fp16\"");
        assertThat(Files.readString(single.resolve("manifest.json"))).contains("\"precision\" : \"fp32\"");
        // External data holds only the large MatMul weights (templates, combiner), which are float16 in the variant.
        for (String data : new String[] {"image.onnx.data", "combiner.onnx.data"}) {
            assertThat(Files.size(half.resolve(data))).isEqualTo(Files.size(single.resolve(data)) / 2);
        }
    }

    @Test
    void refusesUnknownKindsAndForeignDirectories(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PackGenerator.generate("vit-h14", dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown pack kind 'vit-h14'");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).isEmpty();
        }
        Files.writeString(Files.createDirectories(dir.resolve("mine")).resolve("notes.txt"), "user data");
        assertThatThrownBy(() -> PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("mine")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a generated pack");
        Path synthetic = PackGenerator.generate(PackGenerator.SYNTHETIC, dir.resolve("s"));
        assertThatThrownBy(() -> PackGenerator.generate(PackGenerator.VIT_B32_SHAPED, synthetic))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds a different generated pack");
    }
}
