package io.cirstream.tools.perf;

import io.cirstream.contract.pack.PackManifest;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.SessionFactory;
import io.cirstream.model.onnx.TensorData;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Raw ONNX Runtime throughput of a pack's towers on CPU: pre-built input tensors, so preprocessing and
 * tokenization are not counted. Per batch size: warm-up runs, then {@code samples} timed samples of at
 * least 64 items each; prints the median items/s. Figures are for generated weights, not CLIP quality.
 */
public final class EncoderPerf {

    private static final int ITEMS_PER_SAMPLE = 64;

    private EncoderPerf() {
    }

    public static void main(String[] args) {
        EncoderPerfArgs options = EncoderPerfArgs.parse(args);
        System.out.printf("# raw encoder throughput, device cpu, %d intra-op threads, median of %d samples, %d cores%n",
                options.threads(), options.samples(), Runtime.getRuntime().availableProcessors());
        System.out.println("| pack | batch | images/s | texts/s |");
        System.out.println("|---|---:|---:|---:|");
        for (String pack : options.packs()) {
            Path dir = EncoderPerfArgs.isDirectory(pack) ? Path.of(pack)
                    : PackGenerator.generate(pack, options.packsDir().resolve(pack));
            measure(dir, options);
        }
    }

    private static void measure(Path packDir, EncoderPerfArgs options) {
        int largest = options.batches().stream().mapToInt(Integer::intValue).max().orElseThrow();
        RuntimeOptions runtimeOptions = new RuntimeOptions("cpu", options.threads(), largest, options.packsDir().resolve(".cache"));
        PackManifest manifest;
        try (ModelRuntime validated = ModelRuntime.load(packDir, runtimeOptions)) {
            manifest = validated.manifest();
        }
        SessionFactory sessions = new SessionFactory(packDir, runtimeOptions);
        try (OnnxModel image = sessions.open(manifest.image().model()); OnnxModel text = sessions.open(manifest.text().model())) {
            for (int batch : options.batches()) {
                double images = median(options, () -> runImages(image, manifest, batch), batch);
                double texts = median(options, () -> runTexts(text, manifest, batch), batch);
                System.out.printf("| %s | %d | %.1f | %.1f |%n", manifest.id(), batch, images, texts);
            }
        }
    }

    /** Median items/s over the timed samples; each sample repeats the run until it covered 64 items. */
    private static double median(EncoderPerfArgs options, Runnable run, int batch) {
        int repeats = Math.max(1, ITEMS_PER_SAMPLE / batch);
        for (int i = 0; i < options.warmup(); i++) {
            run.run();
        }
        double[] rates = new double[options.samples()];
        for (int s = 0; s < rates.length; s++) {
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                run.run();
            }
            rates[s] = (double) repeats * batch / ((System.nanoTime() - start) / 1e9);
        }
        return Samples.median(rates);
    }

    private static void runImages(OnnxModel model, PackManifest manifest, int batch) {
        int size = manifest.image().preprocessing().size();
        float[] pixels = Samples.pixels(batch * 3 * size * size, batch);
        model.run(manifest.image().output(), Map.of(manifest.image().input(), new TensorData.Floats(pixels, batch, 3, size, size)));
    }

    /** Framed ids of a 10-token caption: the towers run the full context whatever the text, as CLIP does. */
    private static void runTexts(OnnxModel model, PackManifest manifest, int batch) {
        PackManifest.TokenizerSpec tok = manifest.text().tokenizer();
        int ctx = tok.contextLength();
        long[] ids = new long[batch * ctx];
        Arrays.fill(ids, tok.padId());
        for (int b = 0; b < batch; b++) {
            ids[b * ctx] = tok.bosId();
            for (int t = 1; t <= 10 && t < ctx - 1; t++) {
                ids[b * ctx + t] = 4 + t;
            }
            ids[b * ctx + Math.min(11, ctx - 1)] = tok.eosId();
        }
        long[] shape = {batch, ctx};
        Map<String, TensorData> inputs = manifest.text().attentionMask().isPresent()
                ? Map.of(manifest.text().inputIds(), new TensorData.Longs(ids, shape),
                        manifest.text().attentionMask().get(), new TensorData.Longs(mask(ids, tok.padId()), shape))
                : Map.of(manifest.text().inputIds(), new TensorData.Longs(ids, shape));
        model.run(manifest.text().output(), inputs);
    }

    private static long[] mask(long[] ids, long padId) {
        long[] mask = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            mask[i] = ids[i] == padId ? 0 : 1;
        }
        return mask;
    }
}
