package io.cirstream.ingest.replay;

import java.util.Locale;

/**
 * How many problems a replay tolerates before it refuses to publish: a count ({@code 100}) or a share of the
 * entries read ({@code 5%}). A few odd entries are normal in published annotation files; thousands mean the paths
 * are wrong, and evaluating what is left would measure something else.
 */
public record ProblemBound(long count, double percent) {
    public static final ProblemBound DEFAULT = new ProblemBound(-1, 5.0);

    public ProblemBound {
        if (count < 0 == percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a problem bound is a count >= 0 or a percentage within 0..100");
        }
    }

    /** {@code 100} or {@code 5%}. */
    public static ProblemBound parse(String text) {
        String value = text.strip();
        try {
            if (value.endsWith("%")) {
                return new ProblemBound(-1, Double.parseDouble(value.substring(0, value.length() - 1).strip()));
            }
            return new ProblemBound(Long.parseLong(value), -1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--max-problems must be a count such as 100 or a share such as 5%, got '"
                    + text + "'");
        }
    }

    /** The most problems allowed among {@code entries} entries read. */
    public long allowed(long entries) {
        return count >= 0 ? count : (long) Math.floor(entries * percent / 100.0);
    }

    @Override
    public String toString() {
        return count >= 0 ? Long.toString(count) : String.format(Locale.ROOT, "%s%%", percent % 1 == 0
                ? Long.toString((long) percent) : Double.toString(percent));
    }
}
