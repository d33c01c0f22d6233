package io.cirstream.tools.perf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code timings} each search answer reports ({@code total_ms}: encode and k-NN of the search, {@code knn_ms}: the
 * API's own OpenSearch round trip), collected per request. Beside the client's latency they split the API's gap over
 * raw k-NN into its HTTP hop, its handling and a slower or faster round trip to OpenSearch. Read with a plain scan, so
 * the load generator spends no more on an API answer than on a raw one.
 */
final class ApiTimings {
    private final double[] total;
    private final double[] knn;

    ApiTimings(int requests) {
        total = filled(requests);
        knn = filled(requests);
    }

    void record(byte[] body, int request) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        total[request] = number(text, "\"total_ms\":");
        knn[request] = number(text, "\"knn_ms\":");
    }

    double totalP50() {
        return median(total);
    }

    double knnP50() {
        return median(knn);
    }

    /** The number after {@code key} in the answer's {@code timings} object, or NaN when the answer has none. */
    static double number(String text, String key) {
        int timings = text.lastIndexOf("\"timings\":{");
        int at = timings < 0 ? -1 : text.indexOf(key, timings);
        if (at < 0) {
            return Double.NaN;
        }
        int start = at + key.length();
        int end = start;
        while (end < text.length() && "+-.0123456789eE".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        try {
            return Double.parseDouble(text.substring(start, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Median of the recorded values (NaN where an answer had no timings or failed). */
    private static double median(double[] values) {
        return NearestRank.of(Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray(), 0.50);
    }

    private static double[] filled(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
