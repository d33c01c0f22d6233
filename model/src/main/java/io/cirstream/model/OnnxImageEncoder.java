package io.cirstream.model;

import io.cirstream.contract.pack.PackManifest.ImageTower;
import io.cirstream.model.onnx.OnnxModel;
import io.cirstream.model.onnx.TensorData;
import io.cirstream.model.preprocess.ImagePreprocessor;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Image tower: manifest preprocessing, batched ONNX Runtime inference, L2 normalisation. */
final class OnnxImageEncoder implements ImageEncoder {

    private final OnnxModel model;
    private final ImageTower tower;
    private final ImagePreprocessor preprocessor;
    private final int dimension;
    private final int batchSize;

    OnnxImageEncoder(OnnxModel model, ImageTower tower, int dimension, int batchSize) {
        this.model = model;
        this.tower = tower;
        this.preprocessor = new ImagePreprocessor(tower.preprocessing());
        this.dimension = dimension;
        this.batchSize = batchSize;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> encode(List<BufferedImage> images) {
        return Vectors.inBatches(images, batchSize, this::encodeBatch);
    }

    private float[][] encodeBatch(List<BufferedImage> batch) {
        return model.run(tower.output(), Map.of(tower.input(), pixels(batch)));
    }

    /** The preprocessed pixel tensor [batch, 3, size, size] of {@code batch}. */
    TensorData.Floats pixels(List<BufferedImage> batch) {
        int per = preprocessor.pixelsPerImage();
        float[] pixels = new float[batch.size() * per];
        for (int i = 0; i < batch.size(); i++) {
            preprocessor.process(batch.get(i), pixels, i * per);
        }
        int size = tower.preprocessing().size();
        return new TensorData.Floats(pixels, batch.size(), 3, size, size);
    }

    /**
     * Patch/local features [batch, patches, width] ({@code image.patchOutput}, format 2). A separate run that
     * fetches only that output, so the gallery path never pays for patch features.
     */
    TensorData.Floats patches(List<BufferedImage> batch) {
        String output = tower.patchOutput().orElseThrow(() -> new IllegalStateException(
                "the model pack's image tower exposes no patch features (manifest field 'image.patchOutput')"));
        return model.runFlat(output, Map.of(tower.input(), pixels(batch)));
    }

    @Override
    public void close() {
        model.close();
    }
}
