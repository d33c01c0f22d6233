package io.cirstream.model;

import io.cirstream.contract.pack.ComposerInput;
import io.cirstream.contract.pack.PackManifest.ComposerSpec;
import io.cirstream.model.onnx.OnnxModel;

import java.util.List;
import java.util.Set;

/** A composer graph on ONNX Runtime: the runtime computes the inputs it names, the graph returns the query. */
final class OnnxComposerGraph implements ComposerGraph {

    private final OnnxModel model;
    private final ComposerSpec spec;
    private final GraphInputs inputs;
    private final int batchSize;

    OnnxComposerGraph(OnnxModel model, ComposerSpec spec, GraphInputs inputs, int batchSize) {
        this.model = model;
        this.spec = spec;
        this.inputs = inputs;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Set<ComposerInput> inputs() {
        return spec.inputs().keySet();
    }

    @Override
    public List<float[]> compose(List<QueryInputs> queries) {
        return Vectors.inBatches(queries, batchSize, batch -> model.run(spec.output(), inputs.build(spec.inputs(), batch)));
    }

    @Override
    public void close() {
        model.close();
    }
}
