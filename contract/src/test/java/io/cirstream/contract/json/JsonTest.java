package io.cirstream.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared mapper's fast number parser reads every decimal back to exactly the value that was written. */
class JsonTest {

    @Test
    void everyFloatAndDoubleReadsBackBitForBit() throws Exception {
        Random random = new Random(23);
        StringBuilder floats = new StringBuilder("[");
        StringBuilder doubles = new StringBuilder("[");
        int n = 20_000;
        float[] f = new float[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            // Random bit patterns cover every exponent; the Gaussians are what model vectors hold.
            f[i] = i % 2 == 0 ? finite(Float.intBitsToFloat(random.nextInt())) : (float) random.nextGaussian() * 0.05f;
            d[i] = i % 2 == 0 ? finite(Double.longBitsToDouble(random.nextLong())) : random.nextGaussian();
            floats.append(i == 0 ? "" : ",").append(f[i]);
            doubles.append(i == 0 ? "" : ",").append(d[i]);
        }
        JsonNode readFloats = Json.mapper().readTree(floats.append(']').toString());
        JsonNode readDoubles = Json.mapper().readTree(doubles.append(']').toString());
        for (int i = 0; i < n; i++) {
            assertThat(Float.floatToIntBits(readFloats.get(i).floatValue())).as("float %s", f[i])
                    .isEqualTo(Float.floatToIntBits(f[i]));
            assertThat(Double.doubleToLongBits(readDoubles.get(i).doubleValue())).as("double %s", d[i])
                    .isEqualTo(Double.doubleToLongBits(d[i]));
        }
    }

    private static float finite(float x) {
        return Float.isFinite(x) ? x : 1.5f;
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : -2.25;
    }
}
