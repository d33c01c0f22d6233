package io.cirstream.model;

import io.cirstream.contract.pack.ComposerInput;
import io.cirstream.contract.pack.ModelPackException;
import io.cirstream.contract.pack.PackManifest.MultiTokenSpec;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.TensorData;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Multi-token inversion: the mapping graph turns each reference into [tokens, width] pseudo-word embeddings; the
 * prompt (template with the modification text) is framed and the token-aware text graph substitutes the k-th token
 * at the k-th placeholder.
 */
record OnnxMultiTokenEncoder(OnnxModel mapping, OnnxModel text, MultiTokenSpec spec, TextTokenizer tokenizer,
                             GraphInputs inputs, int batchSize) implements MultiTokenEncoder {

    @Override
    public List<float[]> compose(List<QueryInputs> queries) {
        return Vectors.inBatches(queries, batchSize, this::composeBatch);
    }

    private float[][] composeBatch(List<QueryInputs> batch) {
        TensorData.Floats tokens = mapping.runFlat(spec.mappingOutput(), inputs.build(spec.mappingInputs(), batch));
        long[] shape = tokens.shape();
        if (shape.length != 3 || shape[0] != batch.size() || shape[1] != spec.tokens()) {
            throw new ModelPackException(spec.mappingModel() + ": output '" + spec.mappingOutput()
                    + "' (manifest field 'multiToken.mappingOutput') has shape " + Arrays.toString(shape) + "; expected [batch="
                    + batch.size() + ", tokens=" + spec.tokens() + " (the placeholders of multiToken.promptTemplate), width]");
        }
        TextTokenizer.Framed framed = tokenizer.frame(batch.stream().map(q -> spec.prompt(q.text())).toList());
        return text.run(spec.textOutput(), Map.of(
                spec.textInputIds(), new TensorData.Longs(framed.ids(), batch.size(), tokenizer.contextLength()),
                spec.textTokenEmbeddings(), tokens));
    }

    @Override
    public String promptTemplate() {
        return spec.promptTemplate();
    }

    @Override
    public boolean needsPixels() {
        return spec.mappingInputs().keySet().stream().anyMatch(ComposerInput::needsPixels);
    }

    @Override
    public void close() {
        mapping.close();
        text.close();
    }
}
