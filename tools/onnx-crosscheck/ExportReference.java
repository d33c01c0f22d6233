import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.model.preprocess.ImagePreprocessor;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.tools.world.TileRenderer;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what our Java runtime computes for a pack (preprocessed pixels, image/text/combiner outputs) so
 * crosscheck.py can recompute them with the reference onnx tooling and another ONNX Runtime build.
 * Usage: java -cp <app classpath> ExportReference.java PACK_DIR OUT_JSON
 */
public class ExportReference {
    public static void main(String[] args) throws Exception {
        Path pack = Path.of(args[0]);
        List<String> texts = List.of("make the tank red", "same but on desert", "a blue ship", "", "forest");
        try (ModelRuntime runtime = ModelRuntime.load(pack, RuntimeOptions.defaults())) {
            ImagePreprocessor preprocessor = new ImagePreprocessor(runtime.manifest().image().preprocessing());
            List<BufferedImage> images = new ArrayList<>();
            List<float[]> pixels = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                BufferedImage image = TileRenderer.render(SyntheticWorld.tile(7L, i));
                images.add(image);
                pixels.add(preprocessor.process(image));
            }
            List<float[]> imageEmbeds = runtime.images().encode(images);
            List<float[]> textEmbeds = runtime.texts().encode(texts);
            List<float[]> combined = runtime.combiner().map(c -> c.combine(imageEmbeds.subList(0, 5), textEmbeds))
                    .orElse(List.of());
            Map<String, Object> out = Map.of("pixels", pixels, "image_embeds", imageEmbeds, "texts", texts,
                    "text_embeds", textEmbeds, "combined", combined);
            Files.writeString(Path.of(args[1]), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(out));
        }
    }
}
