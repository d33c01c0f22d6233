package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest.CombinerSpec;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.TensorData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Combiner network f(image, text) run on ONNX Runtime; outputs are L2-normalised. */
final class OnnxCombiner implements Combiner {

    private final OnnxModel model;
    private final CombinerSpec spec;
    private final int dimension;
    private final int batchSize;

    OnnxCombiner(OnnxModel model, CombinerSpec spec, int dimension, int batchSize) {
        this.model = model;
        this.spec = spec;
        this.dimension = dimension;
        this.batchSize = batchSize;
    }

    @Override
    public List<float[]> combine(List<float[]> imageEmbeddings, List<float[]> textEmbeddings) {
        if (imageEmbeddings.size() != textEmbeddings.size()) {
            throw new IllegalArgumentException("got " + imageEmbeddings.size() + " image embeddings but "
                    + textEmbeddings.size() + " text embeddings");
        }
        List<float[][]> pairs = new ArrayList<>();
        for (int i = 0; i < imageEmbeddings.size(); i++) {
            pairs.add(new float[][] {imageEmbeddings.get(i), textEmbeddings.get(i)});
        }
        return Vectors.inBatches(pairs, batchSize, this::combineBatch);
    }

    private float[][] combineBatch(List<float[][]> pairs) {
        float[] images = Vectors.flatten(pairs.stream().map(p -> p[0]).toList(), dimension);
        float[] texts = Vectors.flatten(pairs.stream().map(p -> p[1]).toList(), dimension);
        return model.run(spec.output(), Map.of(
                spec.imageInput(), new TensorData.Floats(images, pairs.size(), dimension),
                spec.textInput(), new TensorData.Floats(texts, pairs.size(), dimension)));
    }

    @Override
    public void close() {
        model.close();
    }
}
