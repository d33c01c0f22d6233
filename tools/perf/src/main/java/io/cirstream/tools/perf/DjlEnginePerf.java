package io.cirstream.tools.perf;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.cirstream.contract.pack.PackManifest;
import io.cirstream.model.ModelRuntime;
import io.cirstream.model.onnx.RuntimeOptions;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.SessionFactory;
import io.cirstream.model.onnx.TensorData;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The image tower run two ways side by side in one process: through cirstream's own ONNX Runtime session
 * ({@link OnnxModel}) and through DJL's ONNX Runtime engine ({@code Model} + {@code Predictor} with a no-op
 * translator and the same session options). Rounds alternate between the two so that load on the machine hits both
 * alike; prints the median images/s of each and DJL's share of the direct throughput. Tensors are built inside the
 * timed loop on both sides, as an encoder has to. Generated weights: the figures are about the runtime, not CLIP.
 */
public final class DjlEnginePerf {
    private static final int ITEMS_PER_SAMPLE = 64;

    private DjlEnginePerf() {
    }

    public static void main(String[] args) throws Exception {
        EncoderPerfArgs options = EncoderPerfArgs.parse(args);
        startDjlEngineFirst();
        System.out.printf("# image tower: direct ONNX Runtime vs DJL OnnxRuntime engine, cpu, %d intra-op threads, "
                + "median of %d alternating samples, %d cores%n", options.threads(), options.samples(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| pack | batch | direct images/s | DJL images/s | DJL / direct |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String pack : options.packs()) {
            Path dir = EncoderPerfArgs.isDirectory(pack) ? Path.of(pack)
                    : PackGenerator.generate(pack, options.packsDir().resolve(pack));
            measure(dir, options);
        }
    }

    private static void measure(Path packDir, EncoderPerfArgs options) throws Exception {
        RuntimeOptions runtime = new RuntimeOptions("cpu", options.threads(), 64, options.packsDir().resolve(".cache"));
        PackManifest manifest;
        try (ModelRuntime validated = ModelRuntime.load(packDir, runtime)) {
            manifest = validated.manifest();
        }
        PackManifest.ImageTower image = manifest.image();
        SessionFactory sessions = new SessionFactory(packDir, runtime);
        try (OnnxModel direct = sessions.open(image.model());
             OrtSession.SessionOptions djlSession = sessionOptions(options.threads());
             Model djl = loadDjl(packDir.resolve(image.model()), djlSession);
             Predictor<NDList, NDList> predictor = djl.newPredictor(new NoopTranslator());
             NDManager manager = NDManager.newBaseManager(Device.cpu(), "OnnxRuntime")) {
            for (int batch : options.batches()) {
                int size = image.preprocessing().size();
                float[] pixels = Samples.pixels(batch * 3 * size * size, batch);
                long[] shape = {batch, 3, size, size};
                Supplier<float[][]> viaDirect = () -> direct.run(image.output(),
                        Map.of(image.input(), new TensorData.Floats(pixels, shape)));
                Supplier<float[][]> viaDjl = () -> runDjl(predictor, manager, image, pixels, shape);
                double[][] rates = alternate(options, batch, viaDirect, viaDjl);
                double d = Samples.median(rates[0]);
                double j = Samples.median(rates[1]);
                System.out.printf("| %s | %d | %.1f | %.1f | %.3f |%n", manifest.id(), batch, d, j, j / d);
            }
        }
    }

    /**
     * DJL's engine creates the process-wide ONNX Runtime environment with threading options and refuses to start when
     * one already exists (cirstream's runtime creates it without), so DJL has to come first; on a large stack, for
     * the reason {@code OrtEnvironments} gives.
     */
    private static void startDjlEngineFirst() throws InterruptedException {
        Thread init = new Thread(null, () -> ai.djl.engine.Engine.getEngine("OnnxRuntime"), "djl-init", 16L << 20);
        init.start();
        init.join();
    }

    private static float[][] runDjl(Predictor<NDList, NDList> predictor, NDManager parent, PackManifest.ImageTower image,
                                    float[] pixels, long[] shape) {
        try (NDManager manager = parent.newSubManager()) {
            NDArray input = manager.create(FloatBuffer.wrap(pixels), new Shape(shape));
            input.setName(image.input());
            NDList out = predictor.predict(new NDList(input));
            NDArray vectors = out.get(image.output());
            int rows = (int) vectors.getShape().get(0);
            int dim = (int) vectors.getShape().get(1);
            float[] flat = vectors.toFloatArray();
            float[][] result = new float[rows][];
            for (int r = 0; r < rows; r++) {
                result[r] = Arrays.copyOfRange(flat, r * dim, (r + 1) * dim);
            }
            out.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException("DJL predictor failed", e);
        }
    }

    /** The options {@link SessionFactory} uses on CPU, so both sides run the same session configuration. */
    private static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        session.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session.setIntraOpNumThreads(threads);
        session.setInterOpNumThreads(1);
        session.addConfigEntry("session.intra_op.allow_spinning", "0");
        return session;
    }

    private static Model loadDjl(Path onnxFile, OrtSession.SessionOptions session) throws IOException, MalformedModelException {
        Model model = Model.newInstance("image", Device.cpu(), "OnnxRuntime");
        model.load(onnxFile, null, Map.of("sessionOptions", session));
        return model;
    }

    /** Samples of items/s for each side, alternating A, B, A, B... after a warm-up of both. */
    private static double[][] alternate(EncoderPerfArgs options, int batch, Supplier<float[][]> a, Supplier<float[][]> b) {
        int repeats = Math.max(1, ITEMS_PER_SAMPLE / batch);
        for (int i = 0; i < options.warmup(); i++) {
            check(a.get(), b.get());
        }
        double[][] rates = new double[2][options.samples()];
        for (int s = 0; s < options.samples(); s++) {
            rates[0][s] = sample(a, repeats, batch);
            rates[1][s] = sample(b, repeats, batch);
        }
        return rates;
    }

    /** Both paths must compute the same vectors, or the comparison means nothing. */
    private static void check(float[][] direct, float[][] djl) {
        for (int r = 0; r < direct.length; r++) {
            for (int c = 0; c < direct[r].length; c++) {
                if (Math.abs(direct[r][c] - djl[r][c]) > 1e-5f) {
                    throw new IllegalStateException("DJL and direct outputs differ at [" + r + "][" + c + "]");
                }
            }
        }
    }

    private static double sample(Supplier<float[][]> run, int repeats, int batch) {
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            run.get();
        }
        return (double) repeats * batch / ((System.nanoTime() - start) / 1e9);
    }
}
