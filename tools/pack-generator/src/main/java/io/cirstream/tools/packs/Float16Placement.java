package io.cirstream.tools.packs;

import io.cirstream.tools.packs.OnnxGraph.Attr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static io.cirstream.tools.packs.OnnxGraph.FLOAT;
import static io.cirstream.tools.packs.OnnxGraph.FLOAT16;

/**
 * Where an FP16 graph computes in float16 and where in float32, and the element type of every real-valued
 * value so far. Measured on ONNX Runtime 1.29's CPU provider (x86-64): it has float16 kernels for MatMul and for
 * data movement (Gather, Concat, Flatten, Unsqueeze, Identity), and none for element-wise arithmetic, Exp, Sqrt,
 * Conv, the reductions or Softmax. For those it would insert Casts to float32 itself; we write the Casts into
 * the graph instead, so the file says what runs, and write the weights those ops read in float32 too (a 1e-12
 * epsilon is 0 in float16, and x / sqrt(0 + 0) would turn an all-zero text embedding into NaN).
 */
final class Float16Placement {

    /** Arithmetic with a float16 CPU kernel: its real-valued inputs are cast to float16. */
    private static final Set<String> FLOAT16_ARITHMETIC = Set.of("MatMul");
    /** Data movement: kernels for every element type, so the output keeps the inputs' type. */
    private static final Set<String> ANY_TYPE = Set.of("Gather", "Concat", "Flatten", "Unsqueeze", "Identity");

    /** Element type (FLOAT or FLOAT16) of each real-valued value: inputs, weights, node outputs. */
    private final Map<String, Integer> floatTypes = new HashMap<>();
    /** Cast outputs by source value and target type, so a value read by several float32 ops is cast once. */
    private final Map<String, String> casts = new HashMap<>();

    /**
     * How a node runs: {@code inputType} is what its real-valued inputs must be converted to (null: leave them),
     * {@code outputType} the element type of its output (null: not real-valued).
     */
    record Node(Integer inputType, Integer outputType) { }

    /** Records the element type of {@code value}; other than FLOAT and FLOAT16 it is not tracked. */
    void declare(String value, Integer elemType) {
        if (Objects.equals(elemType, FLOAT) || Objects.equals(elemType, FLOAT16)) {
            floatTypes.put(value, elemType);
        }
    }

    /** Places node {@code op}; {@code unwritten} are weights whose type the node may still choose. */
    Node place(String op, List<String> inputs, Set<String> unwritten, Attr... attributes) {
        if (op.equals("Cast")) {
            return new Node(null, (int) Arrays.stream(attributes).filter(a -> a.proto().getName().equals("to"))
                    .findFirst().orElseThrow().proto().getI());
        }
        List<Integer> known = inputs.stream().map(floatTypes::get).filter(Objects::nonNull).distinct().toList();
        if (known.isEmpty() && inputs.stream().noneMatch(unwritten::contains)) {
            return new Node(null, null);
        }
        int type;
        if (FLOAT16_ARITHMETIC.contains(op)) {
            type = FLOAT16;
        } else if (ANY_TYPE.contains(op)) {
            type = known.size() == 1 ? known.getFirst() : known.isEmpty() ? FLOAT16 : FLOAT;
        } else {
            type = FLOAT;
        }
        return new Node(type, type);
    }

    /** {@code value} if it already is {@code elemType} (or not real-valued), else the output of its one Cast. */
    String castIfNeeded(String value, int elemType, Supplier<String> cast) {
        Integer current = floatTypes.get(value);
        if (current == null || current == elemType) {
            return value;
        }
        String key = value + "->" + elemType;
        String cached = casts.get(key);
        if (cached == null) {
            cached = cast.get();
            casts.put(key, cached);
        }
        return cached;
    }
}
