package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest.PseudoTokenSpec;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.TensorData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pseudo-token composition: phi maps each reference embedding to one token embedding; the prompt
 * (template with the modification text filled in) is tokenized with the placeholder token, and the
 * token-embedding text tower substitutes phi's output at the placeholder position.
 */
record OnnxPseudoTokenEncoder(OnnxModel phi, OnnxModel text, PseudoTokenSpec spec, TextTokenizer tokenizer,
                              int dimension, int batchSize) implements PseudoTokenEncoder {

    @Override
    public List<float[]> compose(List<float[]> referenceImageEmbeddings, List<String> modificationTexts) {
        if (referenceImageEmbeddings.size() != modificationTexts.size()) {
            throw new IllegalArgumentException("got " + referenceImageEmbeddings.size() + " reference embeddings but "
                    + modificationTexts.size() + " modification texts");
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < modificationTexts.size(); i++) {
            queries.add(new Query(referenceImageEmbeddings.get(i), modificationTexts.get(i)));
        }
        return Vectors.inBatches(queries, batchSize, this::composeBatch);
    }

    private record Query(float[] reference, String text) { }

    private float[][] composeBatch(List<Query> queries) {
        List<float[]> references = queries.stream().map(Query::reference).toList();
        List<String> texts = queries.stream().map(Query::text).toList();
        float[] flat = Vectors.flatten(references, dimension);
        float[][] tokens = phi.run(spec.phiOutput(), Map.of(spec.phiInput(), new TensorData.Floats(flat, references.size(), dimension)));
        int width = tokens[0].length;
        TextTokenizer.Framed framed = tokenizer.frame(texts.stream().map(spec::prompt).toList());
        return text.run(spec.textOutput(), Map.of(
                spec.textInputIds(), new TensorData.Longs(framed.ids(), texts.size(), tokenizer.contextLength()),
                spec.textTokenEmbedding(), new TensorData.Floats(Vectors.flatten(List.of(tokens), width), texts.size(), width)));
    }

    @Override
    public String promptTemplate() {
        return spec.promptTemplate();
    }

    @Override
    public void close() {
        phi.close();
        text.close();
    }
}
