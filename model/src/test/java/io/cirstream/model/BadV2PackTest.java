package io.cirstream.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Format-2 packs load with every new path, and broken ones fail at load naming the file and field at fault. */
class BadV2PackTest {

    @TempDir
    Path dir;

    private int copies;

    @Test
    void generatedV2PackLoadsEveryPath() {
        try (ModelRuntime runtime = ModelRuntime.load(TestPacks.syntheticV2(), TestPacks.options())) {
            assertThat(runtime.manifest().formatVersion()).isEqualTo(2);
            assertThat(runtime.multiToken()).isPresent();
            assertThat(runtime.composers()).containsOnlyKeys("override");
            assertThat(runtime.composers().get("override").needsPixels()).isTrue();
        }
    }

    @Test
    void v1PacksStillLoadAsFormat1() {
        try (ModelRuntime runtime = ModelRuntime.load(TestPacks.synthetic(), TestPacks.options())) {
            assertThat(runtime.manifest().formatVersion()).isEqualTo(1);
            assertThat(runtime.composers()).isEmpty();
        }
    }

    @Test
    void v2FieldInAFormat1Manifest() throws IOException {
        assertFails(edit(m -> m.put("format", 1)), "field 'multiToken' needs \"format\": 2");
    }

    @Test
    void unknownComposerInput() throws IOException {
        assertFails(edit(m -> inputs(m).put("referenceDepth", "x")),
                "field 'composers.override.inputs.referenceDepth' is not a composer input", "referencePatches");
    }

    @Test
    void composerInputNameNotInTheGraph() throws IOException {
        assertFails(edit(m -> inputs(m).put("textIds", "ids")),
                "composer.onnx has no input tensor 'ids'", "composers.override.inputs.textIds");
    }

    @Test
    void composerInputOfTheWrongType() throws IOException {
        assertFails(edit(m -> inputs(m).remove("textIds")), "composer.onnx");
        assertFails(edit(m -> inputs(m).put("textMask", "patch_embeds")),
                "composers.override.inputs.textMask");
    }

    @Test
    void patchesWithoutPatchOutput() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("image")).remove("patchOutput")),
                "needs patch features, but the image tower names none (manifest field 'image.patchOutput')");
    }

    @Test
    void unknownPatchOutput() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("image")).put("patchOutput", "patches")),
                "image.onnx has no output tensor 'patches'", "image.patchOutput");
    }

    @Test
    void tokenCountDiffersFromPlaceholders() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("multiToken")).put("promptTemplate", "$ $ that {text}")),
                "multiToken.mappingOutput", "tokens=2 (the placeholders of multiToken.promptTemplate)");
    }

    @Test
    void multiTokenPlaceholderMustBeOneKnownToken() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("multiToken")).put("placeholderId", 5)),
                "tokenizes multiToken.placeholderToken \"$\"", "the single token 5");
    }

    @Test
    void badComposerName() throws IOException {
        assertFails(edit(m -> ((ObjectNode) m.get("composers")).set("Bad Name", m.get("composers").get("override"))),
                "field 'composers.Bad Name' is not a composer name");
    }

    private static ObjectNode composer(ObjectNode manifest) {
        return (ObjectNode) manifest.get("composers").get("override");
    }

    private static ObjectNode inputs(ObjectNode manifest) {
        return (ObjectNode) composer(manifest).get("inputs");
    }

    private Path edit(Consumer<ObjectNode> change) throws IOException {
        Path pack = copy(TestPacks.syntheticV2());
        Path file = pack.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(file.toFile());
        change.accept(manifest);
        Json.mapper().writeValue(file.toFile(), manifest);
        return pack;
    }

    private Path copy(Path source) throws IOException {
        return TestPacks.copy(source, dir.resolve("pack" + (copies++)));
    }

    private static void assertFails(Path pack, String... fragments) {
        TestPacks.assertLoadFails(pack, fragments);
    }
}
