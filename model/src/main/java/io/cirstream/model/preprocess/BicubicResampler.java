package io.cirstream.model.preprocess;

/**
 * Separable bicubic resampling of 8-bit planes, following Pillow's {@code Image.resize(..., BICUBIC)}
 * (the resize CLIP's reference preprocessing uses): Keys kernel with a = -0.5, support widened by the
 * scale factor when shrinking (antialiasing), 22-bit fixed-point weights, horizontal pass first with
 * an 8-bit intermediate. Matching Pillow keeps embeddings of exported CLIP models close to PyTorch's.
 * <p>
 * A resize may compute only a window of its output ({@link Axis}): each output pixel is the same weighted sum
 * whether or not its neighbours are computed, so a window is bit-identical to the same region of the full
 * resize, and its cost depends on the window and the source span it reads, not on the full output size.
 * <p>
 * An axis whose every position takes one source pixel at full weight (a side already at the target size: bicubic
 * at scale 1 weighs its taps 0, 1, 0, 0) is copied instead of summed; the sum would give the same value, since
 * (2^21 + v * 2^22) >> 22 = v, so the copy is exact and only skips the multiply-adds.
 */
final class BicubicResampler {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    private BicubicResampler() {
    }

    /** Resizes interleaved 8-bit pixels {@code src} ({@code channels} per pixel) from w×h to outW×outH. */
    static int[] resize(int[] src, int w, int h, int channels, int outW, int outH) {
        return resize(src, channels, Axis.of(w, outW, 0, outW), Axis.of(h, outH, 0, outH));
    }

    /**
     * Computes the window {@code x}×{@code y} of a resize. {@code src} holds only the source span the window
     * reads ({@link Axis#sourceFirst()} to {@link Axis#sourceEnd()} on each axis), interleaved, row by row.
     */
    static int[] resize(int[] src, int channels, Axis x, Axis y) {
        int[] horizontal = pass(src, x.sourceLength(), y.sourceLength(), channels, x, true);
        return pass(horizontal, x.length(), y.sourceLength(), channels, y, false);
    }

    private static int[] pass(int[] src, int w, int h, int channels, Axis axis, boolean horizontal) {
        int outW = horizontal ? axis.length() : w;
        int outH = horizontal ? h : axis.length();
        int[] dst = new int[Math.multiplyExact(Math.multiplyExact(outW, outH), channels)];
        if (axis.copies != null) {
            return copy(src, w, channels, axis, horizontal, dst, outW, outH);
        }
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int o = horizontal ? x : y;
                for (int ch = 0; ch < channels; ch++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int k = 0; k < axis.count[o]; k++) {
                        int s = axis.start[o] - axis.sourceFirst + k;
                        int index = horizontal ? (y * w + s) : (s * w + x);
                        sum += (long) src[index * channels + ch] * axis.weights[o][k];
                    }
                    dst[(y * outW + x) * channels + ch] = clip8(sum >> PRECISION_BITS);
                }
            }
        }
        return dst;
    }

    private static int[] copy(int[] src, int w, int channels, Axis axis, boolean horizontal, int[] dst, int outW,
                              int outH) {
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int s = axis.copies[horizontal ? x : y] - axis.sourceFirst;
                int index = horizontal ? (y * w + s) : (s * w + x);
                System.arraycopy(src, index * channels, dst, (y * outW + x) * channels, channels);
            }
        }
        return dst;
    }

    private static int clip8(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }

    static double cubic(double x) {
        double ax = Math.abs(x);
        if (ax < 1.0) {
            return ((A + 2.0) * ax - (A + 3.0)) * ax * ax + 1.0;
        }
        if (ax < 2.0) {
            return (((ax - 5.0) * ax + 8.0) * ax - 4.0) * A;
        }
        return 0.0;
    }

    /**
     * One axis of a resize from {@code inSize} to {@code outSize}, restricted to the output positions
     * {@code [from, from + length)}: per position the first source index, tap count and fixed-point weights
     * (Pillow's precompute_coeffs), and the source span {@code [sourceFirst, sourceEnd)} they read together.
     * {@code outSize} is a long because an enlarged side can exceed an int (1 × 20,000 px at 224 px is
     * 4.48 M × 224); only the window is ever allocated.
     */
    static final class Axis {
        private final int[] start;
        private final int[] count;
        private final int[][] weights;
        private final int sourceFirst;
        private final int sourceEnd;
        /** Per position the one source index it copies, or null when some position mixes several. */
        private final int[] copies;

        private Axis(int[] start, int[] count, int[][] weights) {
            this.start = start;
            this.count = count;
            this.weights = weights;
            this.copies = copies(start, count, weights);
            int first = Integer.MAX_VALUE;
            int end = 0;
            for (int o = 0; o < start.length; o++) {
                first = Math.min(first, start[o]);
                end = Math.max(end, start[o] + count[o]);
            }
            this.sourceFirst = Math.min(first, end);
            this.sourceEnd = end;
        }

        static Axis of(int inSize, long outSize, long from, int length) {
            if (from < 0 || length < 0 || from + length > outSize) {
                throw new IllegalArgumentException("window [" + from + ", " + (from + length)
                        + ") is outside the output size " + outSize);
            }
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            int[] start = new int[length];
            int[] count = new int[length];
            int[][] weights = new int[length][];
            for (int i = 0; i < length; i++) {
                double centre = (from + i + 0.5) * scale;
                int min = Math.max((int) (centre - support + 0.5), 0);
                int max = Math.min((int) (centre + support + 0.5), inSize);
                double[] k = new double[max - min];
                double total = 0;
                for (int j = 0; j < k.length; j++) {
                    k[j] = cubic((j + min - centre + 0.5) / filterScale);
                    total += k[j];
                }
                weights[i] = new int[k.length];
                for (int j = 0; j < k.length; j++) {
                    double normalised = total == 0 ? 0 : k[j] / total;
                    double scaled = normalised * (1 << PRECISION_BITS);
                    weights[i][j] = (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
                }
                start[i] = min;
                count[i] = k.length;
            }
            return new Axis(start, count, weights);
        }

        private static int[] copies(int[] start, int[] count, int[][] weights) {
            int[] copies = new int[start.length];
            for (int o = 0; o < start.length; o++) {
                int full = -1;
                for (int k = 0; k < count[o]; k++) {
                    if (weights[o][k] == 1 << PRECISION_BITS && full < 0) {
                        full = k;
                    } else if (weights[o][k] != 0) {
                        return null;
                    }
                }
                if (full < 0) {
                    return null;
                }
                copies[o] = start[o] + full;
            }
            return copies;
        }

        /** Whether this axis only copies source pixels (its side is already at the target size). */
        boolean copiesOnly() {
            return copies != null;
        }

        /** The source index the window's {@code position} copies; only for an axis that {@link #copiesOnly()}. */
        int copiedSource(int position) {
            return copies[position];
        }

        int length() {
            return start.length;
        }

        /** First source index any position of the window reads. */
        int sourceFirst() {
            return sourceFirst;
        }

        /** One past the last source index any position of the window reads. */
        int sourceEnd() {
            return sourceEnd;
        }

        int sourceLength() {
            return sourceEnd - sourceFirst;
        }
    }
}
