package io.cirstream.tools.world;

import java.nio.file.Path;

/**
 * Where a synthetic world puts its files, following CIRR rc2: {@code captions/cap.rc2.<split>.json},
 * {@code image_splits/split.rc2.<split>.json}, and images under the world directory at the relative paths
 * the split file lists (CIRR keeps its val images in {@code dev/}).
 */
public record CirrLayout(Path root, String split, TileFileFormat format) {

    public Path captions() {
        return root.resolve("captions").resolve("cap.rc2." + split + ".json");
    }

    public Path imageSplit() {
        return root.resolve("image_splits").resolve("split.rc2." + split + ".json");
    }

    public String imageName(int index) {
        return String.format("syn-%07d", index);
    }

    /** Relative path of an image as written in the split file. */
    public String relativeImagePath(int index) {
        return "./" + imageDirectory() + "/" + imageName(index) + "." + format.extension();
    }

    public Path imageFile(int index) {
        return root.resolve(imageDirectory()).resolve(imageName(index) + "." + format.extension());
    }

    private String imageDirectory() {
        return split.equals("val") ? "dev" : split;
    }
}
