package io.cirstream.imaging;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain-PNG path gives exactly what ImageIO + {@link RgbPixels} give, for every filter, colour type and depth it
 * takes, and hands everything else back (null) for ImageIO to decide. The PNGs are written here, row filter by row
 * filter, so that each of the five filters is exercised on purpose rather than as ImageIO's writer happens to pick.
 */
class PlainPngDecoderTest {
    private static final ImageLimits LIMITS = ImageLimits.DEFAULT;
    private static final ImageLimits SMALL = new ImageLimits(Long.MAX_VALUE, 1L << 20);
    private static final int[] COLOUR_TYPES = {0, 2, 4, 6};
    /** The last spans several of the decoder's inflate blocks at every colour type and depth. */
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {64, 64}, {33, 2}, {300, 240}};

    @Test
    void everyFilterColourTypeAndDepthDecodesAsImageIoDoes() throws Exception {
        Random random = new Random(7);
        for (int colour : COLOUR_TYPES) {
            for (int depth : new int[] {8, 16}) {
                for (int filter = 0; filter <= 4; filter++) {
                    for (int[] size : SIZES) {
                        Png png = Png.random(random, size[0], size[1], colour, depth);
                        byte[] bytes = png.write(filter, 1, false);
                        String what = "colour " + colour + ", " + depth + " bit, filter " + filter + ", "
                                + size[0] + "x" + size[1];
                        BufferedImage plain = PlainPngDecoder.decode(bytes, LIMITS);
                        assertThat(plain).as(what).isNotNull();
                        assertThat(RgbPixels.of(plain)).as(what).isEqualTo(imageIo(bytes));
                    }
                }
            }
        }
    }

    @Test
    void rowsWithMixedFiltersDataSplitOverChunksAndMetadataChunksStillTakeThePlainPath() throws Exception {
        Png png = Png.random(new Random(11), 50, 40, 6, 8);
        byte[] bytes = png.write(-1, 7, true);
        BufferedImage plain = PlainPngDecoder.decode(bytes, LIMITS);
        assertThat(plain).isNotNull();
        assertThat(RgbPixels.of(plain)).isEqualTo(imageIo(bytes));
    }

    @Test
    void whatItDoesNotKnowForCertainIsLeftToImageIo() throws Exception {
        Png plain = Png.random(new Random(3), 16, 16, 2, 8);
        byte[] good = plain.write(4, 1, false);
        assertThat(PlainPngDecoder.decode(good, LIMITS)).as("the unmodified image").isNotNull();

        assertThat(PlainPngDecoder.decode(withIhdrByte(good, 8, (byte) 4), LIMITS)).as("4-bit depth").isNull();
        assertThat(PlainPngDecoder.decode(withIhdrByte(good, 9, (byte) 3), LIMITS)).as("palette").isNull();
        assertThat(PlainPngDecoder.decode(withIhdrByte(good, 12, (byte) 1), LIMITS)).as("interlaced").isNull();
        assertThat(PlainPngDecoder.decode(Png.withChunkBeforeData(good, "iCCP", new byte[8]), LIMITS))
                .as("a chunk that may change the samples").isNull();
        byte[] badCrc = good.clone();
        badCrc[good.length - 20] ^= 1;
        assertThat(PlainPngDecoder.decode(badCrc, LIMITS)).as("a damaged IDAT (CRC)").isNull();
        assertThat(PlainPngDecoder.decode(Arrays.copyOf(good, good.length - 12), LIMITS)).as("no IEND").isNull();
        Png shortData = Png.random(new Random(3), 16, 16, 2, 8);
        assertThat(PlainPngDecoder.decode(shortData.writeRaw(Arrays.copyOf(shortData.filtered(0), 100)), LIMITS))
                .as("a zlib stream that ends before the last row").isNull();
        byte[] unknownFilter = plain.filtered(0);
        unknownFilter[0] = 9;
        assertThat(PlainPngDecoder.decode(plain.writeRaw(unknownFilter), LIMITS)).as("filter type 9").isNull();
    }

    @Test
    void aCanvasOverTheLimitIsRefusedFromTheHeaderBeforeAnyPixelIsAllocated() {
        byte[] huge = withIhdrInt(Png.random(new Random(5), 4, 4, 2, 8).write(0, 1, false), 0, 100_000);
        huge = withIhdrInt(huge, 4, 100_000);
        byte[] bomb = huge;
        assertThatThrownBy(() -> PlainPngDecoder.decode(bomb, LIMITS)).isInstanceOf(ImageRejectedException.class)
                .extracting(e -> ((ImageRejectedException) e).reason())
                .isEqualTo(ImageRejectedException.Reason.TOO_MANY_PIXELS);
    }

    /**
     * Damaged bytes: whenever the plain path accepts an image, ImageIO reads the same bytes as the same pixels. Half
     * the trials re-seal the chunks' CRCs after the damage, so that it reaches the header, the filters and the zlib
     * stream instead of stopping at the first CRC.
     */
    @Test
    void itNeverAcceptsWhatImageIoWouldReadDifferently() throws Exception {
        Random random = new Random(19);
        byte[] good = Png.random(random, 24, 9, 6, 8).write(-1, 3, true);
        int accepted = 0;
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = good.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[8 + random.nextInt(damaged.length - 8)] = (byte) random.nextInt(256);
            }
            if (trial % 2 == 0) {
                Png.fixAllCrcs(damaged);
            }
            BufferedImage plain;
            try {
                plain = PlainPngDecoder.decode(damaged, SMALL);
            } catch (ImageRejectedException e) {
                assertThat(e.reason()).as("trial %d", trial).isEqualTo(ImageRejectedException.Reason.TOO_MANY_PIXELS);
                assertThat(imageIoPixels(damaged)).as("ImageIO's header, trial %d", trial)
                        .isGreaterThan(SMALL.maxPixels());
                continue;
            }
            if (plain != null) {
                accepted++;
                assertThat(RgbPixels.of(plain)).as("trial %d", trial).isEqualTo(imageIo(damaged));
            }
        }
        assertThat(accepted).as("damage that leaves a readable image (a metadata or a sample byte)").isGreaterThan(10);
    }

    private static long imageIoPixels(byte[] png) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            return (long) reader.getWidth(0) * reader.getHeight(0);
        }
    }

    private static int[] imageIo(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("ImageIO reads it").isNotNull();
        return RgbPixels.of(image);
    }

    private static byte[] withIhdrByte(byte[] png, int offset, byte value) {
        byte[] out = png.clone();
        out[16 + offset] = value;
        return Png.fixCrc(out, 8);
    }

    private static byte[] withIhdrInt(byte[] png, int offset, int value) {
        byte[] out = png.clone();
        ByteBuffer.wrap(out).putInt(16 + offset, value);
        return Png.fixCrc(out, 8);
    }

    /** Raw samples of one image, and a PNG writer that chooses the row filters. */
    private record Png(int width, int height, int colour, int depth, byte[] samples) {

        static Png random(Random random, int width, int height, int colour, int depth) {
            int channels = switch (colour) {
                case 0 -> 1;
                case 2 -> 3;
                case 4 -> 2;
                default -> 4;
            };
            byte[] samples = new byte[width * height * channels * depth / 8];
            // Smooth gradients plus noise, so that every filter has something to predict and something to miss.
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (byte) (i * 3 + random.nextInt(24));
            }
            return new Png(width, height, colour, depth, samples);
        }

        int rowBytes() {
            return samples.length / height;
        }

        int bpp() {
            return samples.length / height / width;
        }

        /** Rows prefixed by their filter byte; filter -1 cycles through all five, row by row. */
        byte[] filtered(int filter) {
            int row = rowBytes();
            int bpp = bpp();
            byte[] out = new byte[height * (row + 1)];
            for (int y = 0; y < height; y++) {
                int f = filter < 0 ? y % 5 : filter;
                out[y * (row + 1)] = (byte) f;
                for (int i = 0; i < row; i++) {
                    int x = sample(y, i);
                    int a = i >= bpp ? sample(y, i - bpp) : 0;
                    int b = y > 0 ? sample(y - 1, i) : 0;
                    int c = i >= bpp && y > 0 ? sample(y - 1, i - bpp) : 0;
                    int predicted = switch (f) {
                        case 0 -> 0;
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> (a + b) >>> 1;
                        default -> paeth(a, b, c);
                    };
                    out[y * (row + 1) + 1 + i] = (byte) (x - predicted);
                }
            }
            return out;
        }

        private int sample(int y, int i) {
            return samples[y * rowBytes() + i] & 0xFF;
        }

        private static int paeth(int a, int b, int c) {
            int p = a + b - c;
            int pa = Math.abs(p - a);
            int pb = Math.abs(p - b);
            int pc = Math.abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }

        byte[] write(int filter, int dataChunks, boolean metadata) {
            return write(deflate(filtered(filter)), dataChunks, metadata);
        }

        /** A PNG whose zlib stream holds {@code filteredRows} as given (damaged or short on purpose). */
        byte[] writeRaw(byte[] filteredRows) {
            return write(deflate(filteredRows), 1, false);
        }

        private byte[] write(byte[] compressed, int dataChunks, boolean metadata) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) depth)
                    .put((byte) colour).put((byte) 0).put((byte) 0).put((byte) 0).array());
            if (metadata) {
                chunk(out, "gAMA", ByteBuffer.allocate(4).putInt(45455).array());
                chunk(out, "tEXt", "Comment\0written by a test".getBytes(StandardCharsets.ISO_8859_1));
            }
            int part = Math.max(1, (compressed.length + dataChunks - 1) / dataChunks);
            for (int from = 0; from < compressed.length; from += part) {
                chunk(out, "IDAT", Arrays.copyOfRange(compressed, from, Math.min(compressed.length, from + part)));
            }
            if (metadata) {
                chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 12, 4, 5, 6, 7});
            }
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        static byte[] withChunkBeforeData(byte[] png, String type, byte[] data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int ihdrEnd = 8 + 12 + 13;
            out.write(png, 0, ihdrEnd);
            chunk(out, type, data);
            out.write(png, ihdrEnd, png.length - ihdrEnd);
            return out.toByteArray();
        }

        /** Recomputes the CRC of every chunk that lies within the bytes, from the first on. */
        static void fixAllCrcs(byte[] png) {
            for (int at = 8; at + 12 <= png.length; ) {
                int length = ByteBuffer.wrap(png).getInt(at);
                if (length < 0 || length > png.length - at - 12) {
                    return;
                }
                fixCrc(png, at);
                at += 12 + length;
            }
        }

        /** Recomputes the CRC of the chunk at {@code at} after its bytes were changed. */
        static byte[] fixCrc(byte[] png, int at) {
            int length = ByteBuffer.wrap(png).getInt(at);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, length + 4);
            ByteBuffer.wrap(png).putInt(at + 8 + length, (int) crc.getValue());
            return png;
        }

        private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
            byte[] name = type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(name);
            crc.update(data);
            out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            out.writeBytes(name);
            out.writeBytes(data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }

        private static byte[] deflate(byte[] data) {
            Deflater deflater = new Deflater();
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            return out.toByteArray();
        }
    }
}
