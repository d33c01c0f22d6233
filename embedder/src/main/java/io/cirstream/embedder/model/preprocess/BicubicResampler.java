package io.cirstream.embedder.model.preprocess;

/**
 * Separable bicubic resampling of 8-bit planes, following Pillow's {@code Image.resize(..., BICUBIC)}
 * (the resize CLIP's reference preprocessing uses): Keys kernel with a = -0.5, support widened by the
 * scale factor when shrinking (antialiasing), 22-bit fixed-point weights, horizontal pass first with
 * an 8-bit intermediate. Matching Pillow keeps embeddings of exported CLIP models close to PyTorch's.
 */
final class BicubicResampler {

    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    private BicubicResampler() {
    }

    /** Resizes interleaved 8-bit pixels {@code src} ({@code channels} per pixel) from w×h to outW×outH. */
    static int[] resize(int[] src, int w, int h, int channels, int outW, int outH) {
        int[] horizontal = outW == w ? src : pass(src, w, h, channels, outW, true);
        return outH == h ? horizontal : pass(horizontal, outW, h, channels, outH, false);
    }

    private static int[] pass(int[] src, int w, int h, int channels, int outSize, boolean horizontal) {
        int inSize = horizontal ? w : h;
        Coefficients c = Coefficients.of(inSize, outSize);
        int outW = horizontal ? outSize : w;
        int outH = horizontal ? h : outSize;
        int[] dst = new int[outW * outH * channels];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int o = horizontal ? x : y;
                for (int ch = 0; ch < channels; ch++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int k = 0; k < c.count[o]; k++) {
                        int s = c.start[o] + k;
                        int index = horizontal ? (y * w + s) : (s * w + x);
                        sum += (long) src[index * channels + ch] * c.weights[o][k];
                    }
                    dst[(y * outW + x) * channels + ch] = clip8(sum >> PRECISION_BITS);
                }
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

    /** Per output position: first source index, tap count and fixed-point weights (Pillow's precompute_coeffs). */
    private record Coefficients(int[] start, int[] count, int[][] weights) {

        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            int[] start = new int[outSize];
            int[] count = new int[outSize];
            int[][] weights = new int[outSize][];
            for (int o = 0; o < outSize; o++) {
                double centre = (o + 0.5) * scale;
                int min = Math.max((int) (centre - support + 0.5), 0);
                int max = Math.min((int) (centre + support + 0.5), inSize);
                double[] k = new double[max - min];
                double total = 0;
                for (int i = 0; i < k.length; i++) {
                    k[i] = cubic((i + min - centre + 0.5) / filterScale);
                    total += k[i];
                }
                weights[o] = new int[k.length];
                for (int i = 0; i < k.length; i++) {
                    double normalised = total == 0 ? 0 : k[i] / total;
                    double scaled = normalised * (1 << PRECISION_BITS);
                    weights[o][i] = (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
                }
                start[o] = min;
                count[o] = k.length;
            }
            return new Coefficients(start, count, weights);
        }
    }
}
