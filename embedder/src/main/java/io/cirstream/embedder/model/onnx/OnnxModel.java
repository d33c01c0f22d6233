package io.cirstream.embedder.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.cirstream.embedder.model.ModelPackException;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One ONNX Runtime session of a pack file, checked against the tensor names the manifest promises. */
public final class OnnxModel implements AutoCloseable {

    private final String file;
    private final OrtSession session;

    OnnxModel(String file, OrtSession session) {
        this.file = file;
        this.session = session;
    }

    public String file() {
        return file;
    }

    /** Fails with the manifest field and the names the model really has when {@code name} is not an input. */
    public OnnxModel requireInput(String name, String manifestField) {
        if (!session.getInputNames().contains(name)) {
            throw new ModelPackException(file + " has no input tensor '" + name + "' (manifest field '"
                    + manifestField + "'); its inputs are " + session.getInputNames());
        }
        return this;
    }

    public OnnxModel requireOutput(String name, String manifestField) {
        if (!session.getOutputNames().contains(name)) {
            throw new ModelPackException(file + " has no output tensor '" + name + "' (manifest field '"
                    + manifestField + "'); its outputs are " + session.getOutputNames());
        }
        return this;
    }

    /** The declared shape of an input; -1 marks a dynamic dimension. */
    public long[] inputShape(String name) {
        try {
            NodeInfo info = session.getInputInfo().get(name);
            return info.getInfo() instanceof TensorInfo tensor ? tensor.getShape() : new long[0];
        } catch (OrtException e) {
            throw new ModelPackException("cannot read input info of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model and returns the rank-2 output {@code output} as rows. */
    public float[][] run(String output, Map<String, TensorData> inputs) {
        OrtEnvironment env = OrtEnvironments.get();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, TensorData> input : inputs.entrySet()) {
                tensors.put(input.getKey(), tensor(env, input.getValue()));
            }
            try (OrtSession.Result result = session.run(tensors, Set.of(output))) {
                OnnxValue value = result.get(output).orElseThrow();
                if (!(value.getValue() instanceof float[][] rows)) {
                    throw new ModelPackException(file + ": output '" + output + "' must be a float32 [batch, dim] tensor, was "
                            + value.getInfo());
                }
                return rows;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed running " + file + ": " + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, TensorData data) throws OrtException {
        return switch (data) {
            case TensorData.Floats f -> OnnxTensor.createTensor(env, FloatBuffer.wrap(f.data()), f.shape());
            case TensorData.Longs l -> OnnxTensor.createTensor(env, LongBuffer.wrap(l.data()), l.shape());
        };
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close session of " + file, e);
        }
    }
}
