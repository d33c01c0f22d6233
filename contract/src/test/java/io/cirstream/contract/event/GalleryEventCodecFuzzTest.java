package io.cirstream.contract.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz of the decoding edge: generated hostile events either decode to an event that passes every rule
 * (and round-trips, and whose file: URI {@link Path#of} reads) or are refused with a {@link MalformedEventException};
 * no other exception escapes. Bounded: a fixed seed list and case count.
 */
class GalleryEventCodecFuzzTest {
    private static final long[] SEEDS = {1, 42, 20260301};
    private static final int CASES_PER_SEED = 2000;
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> IDS = List.of("x", "画".repeat(171), "画".repeat(200), "a\\u0000", "\\ud800",
            " pad", "a\\u2028b", "x".repeat(513), "", "ok/id", "\\u0085", "emoji 😀");
    private static final List<String> TIMES = List.of("0", "-1", "1.5", "1e3", "9223372036854775807",
            "99999999999999999999", "1772366400000", "1772366700001", "253402300799999", "253402300800000", "null",
            "\"5\"");
    private static final List<String> URIS = List.of("file:///x.png", "file://localhost/etc/passwd", "file://../../x",
            "file:x", "file:///a?b", "file:///a#b", "file:///a%00", "file:///a/../b", "file://", "file:", "http://h/x",
            "x.png", "file:///%zz", "file:////x", "FILE:///x", "file:///" + "a".repeat(9000), "");
    private static final List<String> METADATA = List.of("{}", "{\"geo\":{\"lat\":NaN,\"lon\":0}}",
            "{\"geo\":{\"lat\":1e999,\"lon\":0}}", "{\"tags\":[\"\",\"a\"]}", "{\"attributes\":{\"\":\"v\"}}",
            "{\"attributes\":{\"a..b\":\"v\"}}", "{\"capturedAt\":\"+10000-01-01T00:00:00Z\"}",
            "{\"bbox\":{\"minLon\":1,\"minLat\":0,\"maxLon\":0,\"maxLat\":1}}", "{\"collection\":\"a\\u0000\"}",
            "{\"category\":\"" + "c".repeat(300) + "\"}", "[]", "null", "{\"tags\":\"a\"}");
    private static final List<String> TAILS = List.of("", " ", "\n", " x", "{}", "]", "\u0000");

    @Test
    void everyGeneratedEventIsDecodedOrRefusedWithAReason() {
        GalleryEventCodec codec = new GalleryEventCodec(NOW);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        int cases = 0;
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < CASES_PER_SEED; i++, cases++) {
                byte[] json = mutate(event(random), random);
                try {
                    GalleryEvent event = codec.decode(json);
                    assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
                    if ("file".equalsIgnoreCase(event.image().isInline() ? "" : event.image().uri().getScheme())) {
                        assertThat(Path.of(event.image().uri())).isAbsolute();
                    }
                    outcomes.merge("accepted", 1, Integer::sum);
                } catch (MalformedEventException e) {
                    outcomes.merge("refused at " + e.field(), 1, Integer::sum);
                }
            }
        }
        System.out.println("GalleryEventCodecFuzzTest: " + cases + " generated events, seeds "
                + java.util.Arrays.toString(SEEDS) + ", outcomes " + outcomes);
        assertThat(outcomes.get("accepted")).isPositive();
    }

    private static String event(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{\"schema\":1,\"op\":\"UPSERT\"");
        json.append(",\"id\":\"").append(pick(IDS, random)).append('"');
        json.append(",\"eventTime\":").append(pick(TIMES, random));
        String uri = pick(URIS, random);
        json.append(",\"image\":{\"uri\":\"").append(uri).append("\"}");
        if (random.nextBoolean()) {
            json.append(",\"metadata\":").append(pick(METADATA, random));
        }
        if (random.nextInt(8) == 0) {
            json.append(",\"id\":\"again\"");
        }
        return json.append('}').append(pick(TAILS, random)).toString();
    }

    /** Sometimes flips, drops or duplicates a byte as well. */
    private static byte[] mutate(String text, SplittableRandom random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) != 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        bytes[at] = (byte) random.nextInt(256);
        return bytes;
    }

    /** The first option (a good value) half the time, so that most events have few faults and some have none. */
    private static <T> T pick(List<T> options, SplittableRandom random) {
        return options.get(random.nextBoolean() ? 0 : random.nextInt(options.size()));
    }
}
