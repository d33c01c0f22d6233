package io.cirstream.model.onnx;

/** A host-side input tensor for {@link OnnxModel#run}. */
public sealed interface TensorData {

    long[] shape();

    /** Real values; {@link OnnxModel} sends them as float32 or float16, whichever the graph declares. */
    record Floats(float[] data, long... shape) implements TensorData { }

    record Longs(long[] data, long... shape) implements TensorData { }
}
