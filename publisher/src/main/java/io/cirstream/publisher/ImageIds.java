package io.cirstream.publisher;

import java.nio.file.Path;

/** How an image id is derived from where the file was found. */
public final class ImageIds {

    private ImageIds() {
    }

    /** {@code a/b/c.png} → {@code c}: the file name without its last extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** {@code root/sub/c.png} → {@code sub/c}: unique within a walked folder, stable across runs. */
    public static String relative(Path root, Path file) {
        Path relative = root.relativize(file);
        Path parent = relative.getParent();
        String stem = stem(relative);
        return parent == null ? stem : parent.toString().replace('\\', '/') + "/" + stem;
    }
}
