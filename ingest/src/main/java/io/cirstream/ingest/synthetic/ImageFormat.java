package io.cirstream.ingest.synthetic;

/** File format of rendered tiles. */
public enum ImageFormat {
    PNG("png"),
    JPEG("jpg");

    private final String extension;

    ImageFormat(String extension) {
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
