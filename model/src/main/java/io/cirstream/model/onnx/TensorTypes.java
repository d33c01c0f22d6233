package io.cirstream.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import io.cirstream.contract.pack.ModelPackException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The element types a session declares for its inputs (or its outputs), read once when the session opens. */
final class TensorTypes {

    static final Set<OnnxTensorType> REAL = Set.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT,
            OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16);
    static final Set<OnnxTensorType> INT64 = Set.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64);

    private final String file;
    private final String direction;
    private final List<String> names;
    /** Tensors only; a sequence or map value has no entry. */
    private final Map<String, OnnxTensorType> types = new HashMap<>();

    TensorTypes(String file, String direction, Map<String, NodeInfo> infos) {
        this.file = file;
        this.direction = direction;
        this.names = List.copyOf(infos.keySet());
        infos.forEach((name, info) -> {
            if (info.getInfo() instanceof TensorInfo tensor) {
                types.put(name, tensor.onnxType);
            }
        });
    }

    /** "input" or "output". */
    String direction() {
        return direction;
    }

    boolean isFloat16(String name) {
        return types.get(name) == OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16;
    }

    /**
     * Fails with the manifest field and what the model really has when {@code name} is missing or its element
     * type is not one of {@code accepted}; returns the declared type.
     */
    OnnxTensorType require(String name, String manifestField, Set<OnnxTensorType> accepted) {
        if (!names.contains(name)) {
            throw new ModelPackException(file + " has no " + direction + " tensor '" + name + "' (manifest field '"
                    + manifestField + "'); its " + direction + "s are " + names);
        }
        OnnxTensorType type = types.get(name);
        if (!accepted.contains(type)) {
            throw new ModelPackException(file + ": " + direction + " '" + name + "' (manifest field '" + manifestField
                    + "') has element type " + (type == null ? "non-tensor" : describe(type))
                    + "; the runtime supports " + String.join(" or ", accepted.stream().map(TensorTypes::describe).sorted().toList())
                    + " here");
        }
        return type;
    }

    /** ONNX's own spelling, e.g. {@code float16}, {@code double}; float is called float32 to avoid doubt. */
    static String describe(OnnxTensorType type) {
        String name = type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
        return name.equals("float") ? "float32" : name;
    }
}
