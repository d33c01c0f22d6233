package io.cirstream.model;

import io.cirstream.model.onnx.DeviceUnavailableException;

import io.cirstream.contract.pack.PackManifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.tools.packs.onnx.OnnxProto.AttributeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.GraphProto;
import io.cirstream.tools.packs.onnx.OnnxProto.ModelProto;
import io.cirstream.tools.packs.onnx.OnnxProto.NodeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Broken packs fail at load with a message naming the file and field at fault. */
class BadPackTest {

    /** TensorProto.DataType.DOUBLE in onnx.proto; the generator's subset of it has no use for doubles. */
    private static final int ONNX_DOUBLE = 11;

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
    void unsupportedElementTypeNamesGraphTensorAndType() throws IOException {
        Path pack = copy(TestPacks.synthetic());
        Path phi = pack.resolve("phi.onnx");
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(phi));
        // A valid graph whose input is float64: it is cast to float32 before phi's MatMul.
        GraphProto.Builder graph = model.getGraph().toBuilder();
        graph.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(ONNX_DOUBLE);
        graph.getNodeBuilder(0).setInput(0, "image_embeds_float");
        graph.addNode(0, NodeProto.newBuilder().setOpType("Cast").addInput("image_embeds").addOutput("image_embeds_float")
                .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                        .setI(TensorProto.DataType.FLOAT_VALUE)));
        Files.write(phi, model.toBuilder().setGraph(graph).build().toByteArray());
        assertFails(pack, "phi.onnx: input 'image_embeds' (manifest field 'pseudoToken.phiInput') has element type double",
                "the runtime supports float16 or float32 here");
    }

    @Test
    void precisionMustAgreeWithTheGraphs() throws IOException {
        assertFails(edit(copy(TestPacks.syntheticFp16()), m -> m.put("precision", "fp32")),
                "field 'precision' is \"fp32\"", "image.onnx input 'pixel_values'", "text.onnx output 'text_embeds'",
                "phi.onnx input 'image_embeds'", "text_pseudo.onnx input 'token_embeds'", "combiner.onnx output 'query_embeds'",
                "are float16 tensors", "must say \"precision\": \"fp16\"");
        // fp16 with float32 I/O is what converting with keep_io_types gives: valid.
        try (ModelRuntime runtime = ModelRuntime.load(edit(m -> m.put("precision", "fp16")), TestPacks.options())) {
            assertThat(runtime.manifest().precision()).isEqualTo(PackManifest.Precision.FP16);
        }
    }

    @Test
    void cudaWithoutTheGpuBuildIsRefusedAndAutoFallsBackToCpu() {
        // Set by the build profile: in a -Pgpu build on a GPU host cuda:0 is rightly accepted.
        String build = System.getProperty("cirstream.onnxruntime.build");
        assumeTrue("cpu".equals(build), "applies to the CPU build of ONNX Runtime only; this is the '" + build + "' build");
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
        return edit(copy(), change);
    }

    private Path edit(Path pack, Consumer<ObjectNode> change) throws IOException {
        Path file = pack.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(file.toFile());
        change.accept(manifest);
        Json.mapper().writeValue(file.toFile(), manifest);
        return pack;
    }

    private Path copy() throws IOException {
        return copy(TestPacks.synthetic());
    }

    private Path copy(Path source) throws IOException {
        return TestPacks.copy(source, dir.resolve("pack" + (copies++)));
    }

    private static void assertFails(Path pack, String... fragments) {
        TestPacks.assertLoadFails(pack, fragments);
    }
}
