package io.cirstream.tools.packs;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import io.cirstream.contract.pack.ComposerInput;
import io.cirstream.contract.pack.PackManifest;
import io.cirstream.contract.pack.PackManifestReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed export recipes ({@code tools/export/<seed>.py}) cannot be run here (no weights, no PyTorch), so what can be
 * checked is: each compiles ({@code python3 -m py_compile}); each says it has not been run against the real weights;
 * each declared manifest ({@code MANIFEST*}, read without importing torch) loads with the same reader and checks as a
 * real pack; and each graph input it names has a dummy shape ({@code INPUT_SHAPES*}) of the documented rank and
 * size for that {@link ComposerInput} in that manifest (pixels at the preprocessing size, embeddings at the
 * dimension, ids and masks at the context length).
 */
class ExportRecipesTest {

    private static final Path RECIPES = Path.of("..", "export").toAbsolutePath().normalize();
    private static final String EXTRACT = """
            import json, runpy, sys
            g = runpy.run_path(sys.argv[1], run_name="recipe")
            print(json.dumps({k: v for k, v in g.items() if k.startswith(("MANIFEST", "INPUT_SHAPES"))}))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fti4cir", "tiscir", "cvsi", "spn4cir", "ssn"})
    void recipeCompilesAndDeclaresAValidPackWithShapesThatFitIt(String seed) throws Exception {
        Path script = RECIPES.resolve(seed + ".py");
        assertThat(Files.readString(script)).contains("NOT YET RUN against the real weights");
        assertThat(python("-m", "py_compile", script.toString())).isEmpty();
        JsonNode declared = Json.mapper().readTree(python("-c", EXTRACT, script.toString()));

        List<String> manifests = new ArrayList<>();
        declared.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("MANIFEST")) {
                manifests.add(name);
            }
        });
        assertThat(manifests).as("%s declares MANIFEST", seed).contains("MANIFEST");
        for (String name : manifests) {
            String suffix = name.substring("MANIFEST".length());
            PackManifest manifest = load(declared.get(name), dir.resolve(seed + suffix));
            JsonNode shapes = declared.path("INPUT_SHAPES" + suffix);
            Map<ComposerInput, String> graphInputs = new LinkedHashMap<>();
            manifest.multiToken().ifPresent(m -> graphInputs.putAll(m.mappingInputs()));
            manifest.composers().values().forEach(c -> graphInputs.putAll(c.inputs()));
            // phi (CVSI's mapping network) takes the reference embedding
            manifest.pseudoToken().ifPresent(p -> graphInputs.put(ComposerInput.REFERENCE_EMBEDDING, p.phiInput()));
            assertThat(graphInputs).as("%s%s names graph inputs", seed, suffix).isNotEmpty();
            for (ComposerInput input : graphInputs.keySet()) {
                fits(manifest, input, shape(shapes, input), seed + suffix + " INPUT_SHAPES[" + input.field() + "]");
            }
        }
    }

    /** Writes the declared manifest with empty stand-ins for the files it names and reads it as a pack. */
    private static PackManifest load(JsonNode manifest, Path pack) throws IOException {
        Files.createDirectories(pack);
        Files.writeString(pack.resolve(PackManifest.FILE_NAME), manifest.toString());
        for (String file : manifest.findValuesAsText("model")) {
            Files.write(pack.resolve(file), new byte[0]);
        }
        for (String field : List.of("phiModel", "textModel", "mappingModel", "file")) {
            for (String file : manifest.findValuesAsText(field)) {
                Files.write(pack.resolve(file), new byte[0]);
            }
        }
        return PackManifestReader.read(pack);
    }

    private static List<Long> shape(JsonNode shapes, ComposerInput input) {
        List<Long> dims = new ArrayList<>();
        shapes.path(input.field()).forEach(d -> dims.add(d.asLong()));
        return dims;
    }

    private static void fits(PackManifest manifest, ComposerInput input, List<Long> shape, String what) {
        long size = manifest.image().preprocessing().size();
        long context = manifest.text().tokenizer().contextLength();
        switch (input) {
            case REFERENCE_PIXELS -> assertThat(shape).as(what).containsExactly(1L, 3L, size, size);
            case REFERENCE_EMBEDDING, TEXT_EMBEDDING -> assertThat(shape).as(what)
                    .containsExactly(1L, (long) manifest.dimension());
            case REFERENCE_PATCHES -> assertThat(shape).as(what).hasSize(3).startsWith(1L);
            default -> assertThat(shape).as(what).containsExactly(1L, context);
        }
    }

    private String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONPYCACHEPREFIX", dir.resolve("pycache").toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 %s finished", command).isTrue();
        assertThat(process.exitValue()).as("python3 %s:%n%s", command, out).isZero();
        return out.strip();
    }
}
