package io.cirstream.imaging;

/** What the header of an image says, read without decoding any pixel. */
public record ImageInfo(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
