package io.cirstream.model.onnx;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a pack is run.
 *
 * @param device    {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (CUDA when it starts, else CPU)
 * @param threads   ONNX Runtime intra-op threads per session; 0 lets ONNX Runtime choose
 * @param batchSize largest batch sent to a session in one run; longer inputs are split
 * @param cacheDir  writable directory for extracted native libraries (DJL / tokenizers cache)
 */
public record RuntimeOptions(String device, int threads, int batchSize, Path cacheDir) {

    public RuntimeOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions("cpu", 0, 32, Path.of(System.getProperty("java.io.tmpdir"), "cirstream-djl-cache"));
    }

    public RuntimeOptions withDevice(String newDevice) {
        return new RuntimeOptions(newDevice, threads, batchSize, cacheDir);
    }

    public RuntimeOptions withThreads(int newThreads) {
        return new RuntimeOptions(device, newThreads, batchSize, cacheDir);
    }

    public RuntimeOptions withBatchSize(int newBatchSize) {
        return new RuntimeOptions(device, threads, newBatchSize, cacheDir);
    }
}
