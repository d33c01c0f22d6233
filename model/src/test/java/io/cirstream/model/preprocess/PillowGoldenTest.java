package io.cirstream.model.preprocess;

import io.cirstream.contract.pack.PackManifest.ChannelOrder;
import io.cirstream.contract.pack.PackManifest.Preprocessing;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import io.cirstream.imaging.RgbPixels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden check of image decoding and preprocessing against an independent reference: Pillow + numpy doing what
 * CLIP's preprocessing does ({@code golden/pillow_reference.py}) on committed fixture images in awkward formats
 * (grey, grey + alpha, RGBA, palette, 16-bit grey and RGB, JPEG, grey JPEG, EXIF orientation 6, odd sizes).
 */
class PillowGoldenTest {

    /**
     * Largest |Java - Pillow| allowed per tensor element. Measured worst case over every fixture and spec: 0.0
     * (bit-identical: same 8-bit decode, Pillow's fixed-point bicubic reproduced exactly, the same float32
     * arithmetic). The bound leaves room for one float32 rounding step in the normalisation, nothing more: a
     * one-level pixel difference is 1 / 255 / std, at least 0.014 with CLIP's std.
     */
    static final float TOLERANCE = 1e-6f;

    private static final List<Float> CLIP_MEAN = List.of(0.48145466f, 0.4578275f, 0.40821073f);
    private static final List<Float> CLIP_STD = List.of(0.26862954f, 0.26130258f, 0.27577711f);
    /** The generated packs' specs (vit-b32-shaped and real CLIP packs at 224, synthetic at 64) and a BGR one. */
    private static final Map<String, Preprocessing> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("clip224", new Preprocessing(224, ChannelOrder.RGB, CLIP_MEAN, CLIP_STD));
        SPECS.put("synthetic64", new Preprocessing(64, ChannelOrder.RGB, CLIP_MEAN, CLIP_STD));
        SPECS.put("bgr24", new Preprocessing(24, ChannelOrder.BGR, List.of(0.5f, 0.4f, 0.3f), List.of(0.2f, 0.25f, 0.3f)));
    }

    @TempDir
    static Path reference;

    @BeforeAll
    static void runPillow() throws Exception {
        PillowReference.run(reference, SPECS);
    }

    @Test
    void decodedPixelsMatchPillow() throws Exception {
        List<String> report = new ArrayList<>();
        int worst = 0;
        for (Path fixture : PillowReference.fixtures()) {
            BufferedImage image = ImageDecoder.decode(Files.readAllBytes(fixture), ImageLimits.DEFAULT);
            PillowReference.Decoded expected = PillowReference.decoded(reference, fixture);
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as("%s upright size", fixture.getFileName())
                    .containsExactly(expected.width(), expected.height());
            int diff = maxChannelDiff(RgbPixels.of(image), expected.rgb());
            report.add(fixture.getFileName() + "=" + diff);
            worst = Math.max(worst, diff);
        }
        System.out.println("PillowGoldenTest decode, max |Java - Pillow| in 8-bit levels: " + report);
        assertThat(worst).as("largest per-channel decode difference, per fixture: %s", report).isZero();
    }

    @Test
    void preprocessedTensorsMatchPillowWithinTolerance() throws Exception {
        List<String> report = new ArrayList<>();
        float worst = 0;
        for (Path fixture : PillowReference.fixtures()) {
            BufferedImage image = ImageDecoder.decode(Files.readAllBytes(fixture), ImageLimits.DEFAULT);
            for (Map.Entry<String, Preprocessing> spec : SPECS.entrySet()) {
                float[] actual = new ImagePreprocessor(spec.getValue()).process(image);
                float[] expected = PillowReference.tensor(reference, fixture, spec.getKey());
                assertThat(actual).as("%s @ %s length", fixture.getFileName(), spec.getKey()).hasSameSizeAs(expected);
                float diff = 0;
                for (int i = 0; i < actual.length; i++) {
                    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
                }
                report.add(fixture.getFileName() + "@" + spec.getKey() + "=" + diff);
                worst = Math.max(worst, diff);
            }
        }
        System.out.printf("PillowGoldenTest preprocess, worst max |Java - Pillow| %.3g over %d tensors: %s%n",
                worst, report.size(), report);
        assertThat(worst).as("largest tensor difference, per fixture and spec: %s", report).isLessThanOrEqualTo(TOLERANCE);
    }

    private static int maxChannelDiff(int[] a, int[] b) {
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF)));
            }
        }
        return worst;
    }
}
