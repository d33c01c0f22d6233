package io.cirstream.tools.world;

/** File format of rendered tiles. */
public enum TileFileFormat {
    PNG("png"),
    JPEG("jpg");

    private final String extension;

    TileFileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The ImageIO writer name. */
    String writerName() {
        return this == PNG ? "png" : "jpeg";
    }
}
