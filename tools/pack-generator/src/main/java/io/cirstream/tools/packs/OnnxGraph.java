package io.cirstream.tools.packs;

import com.google.protobuf.ByteString;
import io.cirstream.contract.pack.PackManifest.Precision;
import io.cirstream.tools.packs.onnx.OnnxProto.AttributeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.GraphProto;
import io.cirstream.tools.packs.onnx.OnnxProto.ModelProto;
import io.cirstream.tools.packs.onnx.OnnxProto.NodeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.OperatorSetIdProto;
import io.cirstream.tools.packs.onnx.OnnxProto.StringStringEntryProto;
import io.cirstream.tools.packs.onnx.OnnxProto.TensorProto;
import io.cirstream.tools.packs.onnx.OnnxProto.TensorShapeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.TypeProto;
import io.cirstream.tools.packs.onnx.OnnxProto.ValueInfoProto;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Builds one ONNX model (IR 8, opset 18) node by node. Large weights stream to an external data file next
 * to the model as they are generated, so writing a ViT-B/32-sized tower never holds its weights in memory.
 *
 * <p>A {@link Precision#FP16 FP16} graph is the same graph for float16 serving: its float inputs and outputs
 * are declared with {@link #floatType()}, and {@link Float16Placement} decides per node whether it computes in
 * float16 or float32, inserting Casts between the two. Its weights are written when their first consumer is
 * added, in that consumer's type, so they are held in memory until then (fine for the synthetic pack).
 */
final class OnnxGraph implements AutoCloseable {

    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int FLOAT16 = TensorProto.DataType.FLOAT16_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int INLINE_LIMIT = 4096;

    private final Path modelFile;
    private final Precision precision;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Path dataFile;
    private final Float16Placement placement = new Float16Placement();
    /** FP16 graphs: weights not written yet, by name, with their dimensions and values. */
    private final Map<String, PendingWeight> pending = new HashMap<>();
    private OutputStream data;
    private long dataOffset;
    private int counter;

    private record PendingWeight(long[] dims, float[] values) { }

    OnnxGraph(Path modelFile) {
        this(modelFile, Precision.FP32);
    }

    OnnxGraph(Path modelFile, Precision precision) {
        this.modelFile = modelFile;
        this.precision = precision;
        this.dataFile = modelFile.resolveSibling(modelFile.getFileName() + ".data");
        graph.setName(modelFile.getFileName().toString());
    }

    /** The element type of the graph's real-valued inputs and outputs: FLOAT, or FLOAT16 for an FP16 graph. */
    int floatType() {
        return precision == Precision.FP16 ? FLOAT16 : FLOAT;
    }

    /** Declares a graph input; a dimension is a Long (fixed) or a String (symbolic, e.g. "batch"). */
    String input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        placement.declare(name, elemType);
        return name;
    }

    void output(String from, String name, int elemType, Object... dims) {
        op("Identity", List.of(precision == Precision.FP16 ? convert(from, elemType) : from), name);
        graph.addOutput(valueInfo(name, elemType, dims));
    }

    /** A float constant; large ones go to the external data file. */
    String floats(String hint, float[] values, long... dims) {
        return weight(hint, dims, i -> values[i]);
    }

    /**
     * A float weight whose element i is {@code value.applyAsDouble(i)}; an FP32 graph writes it at once without
     * materialising it, an FP16 graph keeps its values until its first consumer decides its element type.
     */
    String weight(String hint, long[] dims, IntToDoubleFunction value) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        String name = fresh(hint);
        if (precision == Precision.FP16) {
            float[] values = new float[Math.toIntExact(count)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) value.applyAsDouble(i);
            }
            pending.put(name, new PendingWeight(dims, values));
        } else {
            writeWeight(name, FLOAT, dims, count, value);
        }
        return name;
    }

    private void writeWeight(String name, int elemType, long[] dims, long count, IntToDoubleFunction value) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(elemType);
        for (long d : dims) {
            tensor.addDims(d);
        }
        int size = bytesPer(elemType);
        if (count <= INLINE_LIMIT) {
            ByteBuffer bytes = ByteBuffer.allocate((int) count * size).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                put(bytes, elemType, value.applyAsDouble(i));
            }
            tensor.setRawData(ByteString.copyFrom(bytes.array()));
        } else {
            long offset = appendExternal(count, elemType, value);
            tensor.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(entry("location", dataFile.getFileName().toString()))
                    .addExternalData(entry("offset", Long.toString(offset)))
                    .addExternalData(entry("length", Long.toString(count * size)));
        }
        graph.addInitializer(tensor);
        placement.declare(name, elemType);
    }

    private static int bytesPer(int elemType) {
        return elemType == FLOAT16 ? 2 : 4;
    }

    private static void put(ByteBuffer bytes, int elemType, double value) {
        if (elemType == FLOAT16) {
            bytes.putShort(Float.floatToFloat16((float) value));
        } else {
            bytes.putFloat((float) value);
        }
    }

    String longs(String hint, long... values) {
        String name = fresh(hint);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(INT64).addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        graph.addInitializer(tensor);
        return name;
    }

    String scalar(String hint, float value) {
        return floats(hint, new float[] {value});
    }

    /** Adds a node with one output and returns the output's name. */
    String op(String type, List<String> inputs, Attr... attributes) {
        return op(type, inputs, fresh(type.toLowerCase()), attributes);
    }

    String op(String type, String input, Attr... attributes) {
        return op(type, List.of(input), attributes);
    }

    private String op(String type, List<String> inputs, String output, Attr... attributes) {
        List<String> placed = inputs;
        if (precision == Precision.FP16) {
            Float16Placement.Node node = placement.place(type, inputs, pending.keySet(), attributes);
            placed = inputs.stream().map(in -> node.inputType() == null ? in : convert(in, node.inputType())).toList();
            placement.declare(output, node.outputType());
        }
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(type).setName(output).addAllInput(placed).addOutput(output);
        for (Attr a : attributes) {
            node.addAttribute(a.proto());
        }
        graph.addNode(node);
        return output;
    }

    /** {@code value} as {@code elemType}: a pending weight is written in it, a float of the other type is cast. */
    private String convert(String value, int elemType) {
        PendingWeight weight = pending.remove(value);
        if (weight != null) {
            writeWeight(value, elemType, weight.dims(), weight.values().length, i -> weight.values()[i]);
            return value;
        }
        return placement.castIfNeeded(value, elemType, () -> op("Cast", List.of(value), Attr.i("to", elemType)));
    }

    /** Writes the model file (and closes the external data file, if any weights went there). */
    void write() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(modelFile + ": weights " + pending.keySet() + " are never used");
        }
        try {
            if (data != null) {
                data.close();
                data = null;
            }
            ModelProto model = ModelProto.newBuilder()
                    .setIrVersion(8)
                    .setProducerName("cirstream-pack-generator")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(18))
                    .setGraph(graph)
                    .build();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(modelFile))) {
                model.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + modelFile, e);
        }
    }

    @Override
    public void close() {
        try {
            if (data != null) {
                data.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + dataFile, e);
        }
    }

    private long appendExternal(long count, int elemType, IntToDoubleFunction value) {
        try {
            if (data == null) {
                data = new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 20);
            }
            long offset = dataOffset;
            byte[] chunk = new byte[4 * 16_384];
            ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < count; i++) {
                put(buffer, elemType, value.applyAsDouble((int) i));
                if (!buffer.hasRemaining()) {
                    data.write(chunk);
                    buffer.clear();
                }
            }
            data.write(chunk, 0, buffer.position());
            dataOffset += count * bytesPer(elemType);
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataFile, e);
        }
    }

    private String fresh(String hint) {
        return hint + "_" + (counter++);
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String param) {
                dim.setDimParam(param);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** A node attribute. */
    record Attr(AttributeProto proto) {

        static Attr i(String name, long value) {
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build());
        }

        static Attr f(String name, float value) {
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build());
        }

        /** A rank-0 int64 tensor attribute, e.g. the value of a Constant node used as a scalar index. */
        static Attr tensorInt64Scalar(String name, long value) {
            TensorProto scalar = TensorProto.newBuilder().setDataType(INT64).addInt64Data(value).build();
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(scalar).build());
        }

        static Attr ints(String name, long... values) {
            AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long v : values) {
                a.addInts(v);
            }
            return new Attr(a.build());
        }
    }
}
