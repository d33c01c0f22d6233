package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest.TextTower;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.TensorData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Text tower: tokenizer framing, batched ONNX Runtime inference, L2 normalisation. */
final class OnnxTextEncoder implements TextEncoder {

    private final OnnxModel model;
    private final TextTower tower;
    private final TextTokenizer tokenizer;
    private final int dimension;
    private final int batchSize;

    OnnxTextEncoder(OnnxModel model, TextTower tower, TextTokenizer tokenizer, int dimension, int batchSize) {
        this.model = model;
        this.tower = tower;
        this.tokenizer = tokenizer;
        this.dimension = dimension;
        this.batchSize = batchSize;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        return Vectors.inBatches(texts, batchSize, this::encodeBatch);
    }

    private float[][] encodeBatch(List<String> batch) {
        TextTokenizer.Framed framed = tokenizer.frame(batch);
        long[] shape = {batch.size(), tokenizer.contextLength()};
        Map<String, TensorData> inputs = new HashMap<>();
        inputs.put(tower.inputIds(), new TensorData.Longs(framed.ids(), shape));
        tower.attentionMask().ifPresent(name -> inputs.put(name, new TensorData.Longs(framed.mask(), shape)));
        return model.run(tower.output(), inputs);
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
