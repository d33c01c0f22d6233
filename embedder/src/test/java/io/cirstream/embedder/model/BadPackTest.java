package io.cirstream.embedder.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken packs fail at load with a message naming the file and field at fault. */
class BadPackTest {

    @TempDir
    Path dir;

    private int copies;

    @Test
    void missingManifest() throws IOException {
        Path pack = copy();
        Files.delete(pack.resolve("manifest.json"));
        assertFails(pack, "has no manifest.json");
    }

    @Test
    void missingModelFile() throws IOException {
        Path pack = copy();
        Files.delete(pack.resolve("text.onnx"));
        assertFails(pack, "field 'text.model'", "\"text.onnx\", which is not a file");
    }

    @Test
    void wrongDimension() throws IOException {
        assertFails(edit(m -> m.put("dimension", 32)), "yields vectors of dimension 64", "'dimension' is 32");
    }

    @Test
    void unknownTensorName() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("image")).put("output", "embeddings")),
                "image.onnx has no output tensor 'embeddings'", "'image.output'", "[image_embeds]");
        assertFails(edit(m -> ((ObjectNode) m.get("combiner")).put("textInput", "txt")),
                "combiner.onnx has no input tensor 'txt'", "'combiner.textInput'");
    }

    @Test
    void badPreprocessingValues() throws IOException {
        assertFails(edit(m -> ((ArrayNode) pre(m).get("std")).set(1, 0.0)), "field 'image.preprocessing.std'", "(0.0, 10.0]");
        assertFails(edit(m -> ((ArrayNode) pre(m).get("mean")).remove(2)), "field 'image.preprocessing.mean' must be an array of 3");
        assertFails(edit(m -> pre(m).put("resize", "stretch")), "field 'image.preprocessing.resize' must be \"shortest-side-bicubic\"");
        assertFails(edit(m -> pre(m).put("channels", "RGBA")), "field 'image.preprocessing.channels' must be one of [rgb, bgr]");
        assertFails(edit(m -> pre(m).put("size", 224)), "does not take [batch, 3, 224, 224]");
    }

    @Test
    void noDownloadsOnlyFilesInsideThePack() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("image")).put("model", "hf://openai/clip-vit-base-patch32")),
                "not a URL or hub id");
        assertFails(edit(m -> ((ObjectNode) m.get("image")).put("model", "openai/clip-vit-base-patch32")),
                "which is not a file", "nothing is downloaded");
        assertFails(edit(m -> ((ObjectNode) m.get("image")).put("model", "../synthetic/image.onnx")),
                "must be a relative path inside the pack directory");
    }

    @Test
    void placeholderMustBeOneKnownToken() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("pseudoToken")).put("placeholderId", 5)),
                "tokenizes pseudoToken.placeholderToken \"$\"");
    }

    @Test
    void cudaWithoutTheGpuBuildIsRefusedAndAutoFallsBackToCpu() {
        assertThatThrownBy(() -> ModelRuntime.load(TestPacks.synthetic(), TestPacks.options().withDevice("cuda:0")))
                .isInstanceOf(DeviceUnavailableException.class).hasMessageContaining("cuda:0");
        try (ModelRuntime runtime = ModelRuntime.load(TestPacks.synthetic(), TestPacks.options().withDevice("auto"))) {
            assertThat(runtime.texts().encode(List.of("red"))).hasSize(1);
        }
    }

    private static ObjectNode pre(ObjectNode manifest) {
        return (ObjectNode) manifest.get("image").get("preprocessing");
    }

    private Path edit(Consumer<ObjectNode> change) throws IOException {
        Path pack = copy();
        Path file = pack.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(file.toFile());
        change.accept(manifest);
        Json.mapper().writeValue(file.toFile(), manifest);
        return pack;
    }

    private Path copy() throws IOException {
        Path source = TestPacks.synthetic();
        Path target = dir.resolve("pack" + (copies++));
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void assertFails(Path pack, String... fragments) {
        var thrown = assertThatThrownBy(() -> ModelRuntime.load(pack, TestPacks.options()).close())
                .isInstanceOf(ModelPackException.class);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }
}
