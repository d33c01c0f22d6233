package io.cirstream.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import io.cirstream.contract.pack.ModelPackException;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session of a pack file, checked against the tensor names and element types the manifest
 * promises. Real-valued tensors may be declared float32 or float16: the runtime always hands over and gets
 * back {@code float}s and converts at the session's edge where the graph declares float16.
 */
public final class OnnxModel implements AutoCloseable {

    private final String file;
    private final OrtSession session;
    private final TensorTypes inputTypes;
    private final TensorTypes outputTypes;
    private final List<String> float16Tensors = new ArrayList<>();

    OnnxModel(String file, OrtSession session) throws OrtException {
        this.file = file;
        this.session = session;
        this.inputTypes = new TensorTypes(file, "input", session.getInputInfo());
        this.outputTypes = new TensorTypes(file, "output", session.getOutputInfo());
    }

    public String file() {
        return file;
    }

    /** Requires a real-valued input (float32 or float16), e.g. pixels or an embedding. */
    public OnnxModel requireFloatInput(String name, String manifestField) {
        return requireFloats(inputTypes, name, manifestField);
    }

    /** Requires an int64 input: token ids or an attention mask. */
    public OnnxModel requireInt64Input(String name, String manifestField) {
        inputTypes.require(name, manifestField, TensorTypes.INT64);
        return this;
    }

    /** Requires a real-valued output (float32 or float16). */
    public OnnxModel requireOutput(String name, String manifestField) {
        return requireFloats(outputTypes, name, manifestField);
    }

    private OnnxModel requireFloats(TensorTypes types, String name, String manifestField) {
        if (types.require(name, manifestField, TensorTypes.REAL) == TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16) {
            float16Tensors.add(file + " " + types.direction() + " '" + name + "'");
        }
        return this;
    }

    /** The required tensors that are declared float16, e.g. {@code image.onnx input 'pixel_values'}. */
    public List<String> float16Tensors() {
        return List.copyOf(float16Tensors);
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

    /** Requires an input of the kind a documented composer input is: int64 ids/masks or real values. */
    public OnnxModel requireInput(String name, String manifestField, boolean int64) {
        return int64 ? requireInt64Input(name, manifestField) : requireFloatInput(name, manifestField);
    }

    /**
     * Runs the model and returns output {@code output} of any rank as one row-major array with its shape:
     * patch features [batch, patches, width] and token sequences [batch, tokens, width].
     */
    public TensorData.Floats runFlat(String output, Map<String, TensorData> inputs) {
        OrtEnvironment env = OrtEnvironments.get();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, TensorData> input : inputs.entrySet()) {
                tensors.put(input.getKey(), tensor(env, input.getKey(), input.getValue()));
            }
            try (OrtSession.Result result = session.run(tensors, Set.of(output))) {
                OnnxTensor tensor = (OnnxTensor) result.get(output).orElseThrow();
                long[] shape = tensor.getInfo().getShape();
                FloatBuffer flat = tensor.getFloatBuffer();
                if (flat == null) {
                    throw new ModelPackException(file + ": output '" + output + "' must be a float32 or float16 tensor, was "
                            + tensor.getInfo());
                }
                float[] data = new float[flat.remaining()];
                flat.get(data);
                return new TensorData.Floats(data, shape);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed running " + file + ": " + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /** Runs the model and returns the rank-2 output {@code output} as rows. */
    public float[][] run(String output, Map<String, TensorData> inputs) {
        OrtEnvironment env = OrtEnvironments.get();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, TensorData> input : inputs.entrySet()) {
                tensors.put(input.getKey(), tensor(env, input.getKey(), input.getValue()));
            }
            try (OrtSession.Result result = session.run(tensors, Set.of(output))) {
                return rows(output, result.get(output).orElseThrow());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed running " + file + ": " + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(OrtEnvironment env, String name, TensorData data) throws OrtException {
        return switch (data) {
            case TensorData.Floats f when inputTypes.isFloat16(name) -> OnnxTensor.createTensor(env,
                    Fp16Conversions.convertFloatBufferToFp16Buffer(FloatBuffer.wrap(f.data())), f.shape(), OnnxJavaType.FLOAT16);
            case TensorData.Floats f -> OnnxTensor.createTensor(env, FloatBuffer.wrap(f.data()), f.shape());
            case TensorData.Longs l -> OnnxTensor.createTensor(env, LongBuffer.wrap(l.data()), l.shape());
        };
    }

    private float[][] rows(String output, OnnxValue value) throws OrtException {
        if (outputTypes.isFloat16(output) && value instanceof OnnxTensor tensor && tensor.getInfo().getShape().length == 2) {
            return float16Rows(tensor);
        }
        if (!(value.getValue() instanceof float[][] rows)) {
            throw new ModelPackException(file + ": output '" + output + "' must be a float32 or float16 [batch, dim] tensor, was "
                    + value.getInfo());
        }
        return rows;
    }

    /** ONNX Runtime widens float16 to float when it copies a tensor out as a FloatBuffer. */
    private static float[][] float16Rows(OnnxTensor tensor) {
        long[] shape = tensor.getInfo().getShape();
        FloatBuffer flat = tensor.getFloatBuffer();
        float[][] rows = new float[(int) shape[0]][(int) shape[1]];
        for (float[] row : rows) {
            flat.get(row);
        }
        return rows;
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
