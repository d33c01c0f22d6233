package io.cirstream.embedder.model.onnx;

/** A host-side input tensor for {@link OnnxModel#run}. */
public sealed interface TensorData {

    long[] shape();

    record Floats(float[] data, long... shape) implements TensorData { }

    record Longs(long[] data, long... shape) implements TensorData { }
}
