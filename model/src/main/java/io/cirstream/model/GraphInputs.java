package io.cirstream.model;

import io.cirstream.contract.pack.ComposerInput;
import io.cirstream.model.onnx.TensorData;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Computes the documented {@link ComposerInput} values of a batch of queries for the graph inputs that want them. */
final class GraphInputs {

    private final OnnxImageEncoder images;
    private final TextEncoder texts;
    private final TextTokenizer tokenizer;
    private final int dimension;

    GraphInputs(OnnxImageEncoder images, TextEncoder texts, TextTokenizer tokenizer, int dimension) {
        this.images = images;
        this.texts = texts;
        this.tokenizer = tokenizer;
        this.dimension = dimension;
    }

    Map<String, TensorData> build(Map<ComposerInput, String> wanted, List<QueryInputs> batch) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        wanted.forEach((input, name) -> tensors.put(name, value(input, batch)));
        return tensors;
    }

    private TensorData value(ComposerInput input, List<QueryInputs> batch) {
        int n = batch.size();
        return switch (input) {
            case REFERENCE_PIXELS -> images.pixels(referenceImages(batch, input));
            case REFERENCE_PATCHES -> images.patches(referenceImages(batch, input));
            case REFERENCE_EMBEDDING -> new TensorData.Floats(Vectors.flatten(
                    batch.stream().map(QueryInputs::referenceEmbedding).toList(), dimension), n, dimension);
            case TEXT_EMBEDDING -> new TensorData.Floats(Vectors.flatten(
                    texts.encode(batch.stream().map(QueryInputs::text).toList()), dimension), n, dimension);
            case TEXT_IDS -> framed(batch, QueryInputs::text, false);
            case TEXT_MASK -> framed(batch, QueryInputs::text, true);
            case CAPTION_IDS -> framed(batch, QueryInputs::caption, false);
            case CAPTION_MASK -> framed(batch, QueryInputs::caption, true);
            case DESCRIPTION_IDS -> framed(batch, QueryInputs::description, false);
            case DESCRIPTION_MASK -> framed(batch, QueryInputs::description, true);
        };
    }

    private TensorData.Longs framed(List<QueryInputs> batch, Function<QueryInputs, String> text, boolean mask) {
        TextTokenizer.Framed framed = tokenizer.frame(batch.stream().map(text).toList());
        return new TensorData.Longs(mask ? framed.mask() : framed.ids(), batch.size(), tokenizer.contextLength());
    }

    private static List<BufferedImage> referenceImages(List<QueryInputs> batch, ComposerInput input) {
        return batch.stream().map(q -> q.referenceImage().orElseThrow(() -> new IllegalArgumentException(
                "this method needs the reference's pixels (" + input.field() + "): send the image or its URL, "
                        + "a stored vector alone is not enough"))).toList();
    }
}
