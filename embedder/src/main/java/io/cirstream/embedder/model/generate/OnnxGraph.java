package io.cirstream.embedder.model.generate;

import com.google.protobuf.ByteString;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.AttributeProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.GraphProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.ModelProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.NodeProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.OperatorSetIdProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.StringStringEntryProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.TensorProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.TensorShapeProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.TypeProto;
import io.cirstream.embedder.model.generate.onnx.OnnxProto.ValueInfoProto;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Builds one ONNX model (IR 8, opset 18) node by node. Large weights stream to an external data file next
 * to the model as they are generated, so writing a ViT-B/32-sized tower never holds its weights in memory.
 */
final class OnnxGraph implements AutoCloseable {

    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int INLINE_LIMIT = 4096;

    private final Path modelFile;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Path dataFile;
    private OutputStream data;
    private long dataOffset;
    private int counter;

    OnnxGraph(Path modelFile) {
        this.modelFile = modelFile;
        this.dataFile = modelFile.resolveSibling(modelFile.getFileName() + ".data");
        graph.setName(modelFile.getFileName().toString());
    }

    /** Declares a graph input; a dimension is a Long (fixed) or a String (symbolic, e.g. "batch"). */
    String input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return name;
    }

    void output(String from, String name, int elemType, Object... dims) {
        op("Identity", List.of(from), name);
        graph.addOutput(valueInfo(name, elemType, dims));
    }

    /** A float constant; large ones go to the external data file. */
    String floats(String hint, float[] values, long... dims) {
        return weight(hint, dims, i -> values[i]);
    }

    /** A float weight whose element i is {@code value.applyAsDouble(i)}, written without materialising it. */
    String weight(String hint, long[] dims, IntToDoubleFunction value) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        String name = fresh(hint);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            tensor.addDims(d);
        }
        if (count <= INLINE_LIMIT) {
            ByteBuffer bytes = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                bytes.putFloat((float) value.applyAsDouble(i));
            }
            tensor.setRawData(ByteString.copyFrom(bytes.array()));
        } else {
            long offset = appendExternal(count, value);
            tensor.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(entry("location", dataFile.getFileName().toString()))
                    .addExternalData(entry("offset", Long.toString(offset)))
                    .addExternalData(entry("length", Long.toString(count * 4)));
        }
        graph.addInitializer(tensor);
        return name;
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
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(type).setName(output).addAllInput(inputs).addOutput(output);
        for (Attr a : attributes) {
            node.addAttribute(a.proto());
        }
        graph.addNode(node);
        return output;
    }

    /** Writes the model file (and closes the external data file, if any weights went there). */
    void write() {
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

    private long appendExternal(long count, IntToDoubleFunction value) {
        try {
            if (data == null) {
                data = new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 20);
            }
            long offset = dataOffset;
            byte[] chunk = new byte[4 * 16_384];
            ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < count; i++) {
                buffer.putFloat((float) value.applyAsDouble((int) i));
                if (!buffer.hasRemaining()) {
                    data.write(chunk);
                    buffer.clear();
                }
            }
            data.write(chunk, 0, buffer.position());
            dataOffset += count * 4;
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
