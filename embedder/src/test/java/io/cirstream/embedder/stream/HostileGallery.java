package io.cirstream.embedder.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates gallery records for the topology fuzz test from a seed: good upserts (inline and {@code file:}) and
 * every kind of hostile record a producer could write. Keys are unique per generator, so each input must come out
 * as exactly one record (a vector, a tombstone or a dead letter) and outputs can be matched to inputs by key.
 */
final class HostileGallery {
    /** One input record; {@code good} ones must come out as vectors. */
    record Case(String kind, byte[] key, byte[] value, long timestamp, boolean good) {
    }

    private static final String[] ODD_IDS = {"", " ", " lead", "trail ", "a".repeat(600), "画".repeat(200),
            "nul\u0000id", "tab\tid", "new\nline", "\uD83D\uDE00emoji", "\u202Eright-to-left", "a/b?c#d%00",
            "\uFFFF", "é".repeat(300), "<script>", "..", "/etc/passwd"};
    private static final String[] BAD_URIS = {"file://localhost/etc/passwd", "file://../../x", "file:x.png",
            "file:///nonexistent/x.png", "file:///x.png?q=1", "file:///x.png#f", "file:///tmp/%00.png", "http://x/y.png",
            "ftp://x/y", "mailto:a@b", "", " ", "relative/a.png", "file:", "file://", "file:////", "FILE:///etc/passwd",
            "file:///dev/zero", "file:///proc/self/mem", "jar:file:///x!/y", "%%%"};
    private static final String[] BAD_TYPES = {"\"x\"", "true", "[]", "{}", "1.5", "-5", "1e30", "null",
            "9223372036854775808", "\"\\u0000\""};

    private final SplittableRandom random;
    private final Path root;
    private final long now;
    private final List<String> goodFiles;
    private final List<String> hostileFiles;
    private int serial;

    HostileGallery(long seed, Path root, long now) throws Exception {
        this.random = new SplittableRandom(seed);
        this.root = root;
        this.now = now;
        this.goodFiles = List.of(write("good-0.png", png(0)), write("good-1.png", png(1)));
        Path outside = Files.createTempFile("outside", ".png");
        Files.write(outside, png(2));
        outside.toFile().deleteOnExit();
        this.hostileFiles = List.of(
                Files.createSymbolicLink(root.resolve("zero.png"), Path.of("/dev/zero")).toUri().toString(),
                Files.createSymbolicLink(root.resolve("escape.png"), outside).toUri().toString(),
                Files.createDirectory(root.resolve("dir.png")).toUri().toString(),
                write("empty.png", new byte[0]),
                write("garbage.png", bytes(300)),
                root.toUri() + "../../../../etc/passwd");
    }

    private String write(String name, byte[] bytes) throws Exception {
        return Files.write(root.resolve(name), bytes).toUri().toString();
    }

    private static byte[] png(int tile) {
        return GalleryFixtures.png(GalleryFixtures.tile(tile));
    }

    Case next() {
        int n = serial++;
        String id = "c" + n;
        return switch (random.nextInt(20)) {
            case 0, 1, 2 -> good("good-inline", id, event(id, inline(png(random.nextInt(40)))));
            case 3 -> good("good-file", id, event(id, uri(goodFiles.get(random.nextInt(goodFiles.size())))));
            case 4 -> hostile("random-bytes", key(id), bytes(random.nextInt(200)));
            case 5 -> hostile("truncated-json", key(id), truncate(json(event(id, inline(png(1))))));
            case 6 -> hostile("garbled-json", key(id), garble(json(event(id, inline(png(1))))));
            case 7 -> hostile("wrong-type", key(id), wrongType(id));
            case 8 -> oddId(n);
            case 9 -> hostile("odd-time", key(id), json(event(id, inline(png(3))).put("eventTime", oddTime())));
            case 10 -> hostile("bad-uri", key(id), json(event(id, uri(BAD_URIS[random.nextInt(BAD_URIS.length)]))));
            case 11 -> hostile("hostile-file", key(id),
                    json(event(id, uri(hostileFiles.get(random.nextInt(hostileFiles.size()))))));
            case 12 -> hostile("broken-base64", key(id), json(event(id, brokenInline())));
            case 13 -> hostile("odd-png", key(id), json(event(id, inline(oddPng()))));
            case 14 -> new Case("tombstone", random.nextBoolean() ? key(id) : withSerial(n, bytes(20)), null,
                    timestamp(), false);
            case 15 -> hostile("null-key", null, random.nextBoolean() ? null : json(event(id, inline(png(4)))));
            case 16 -> hostile("key-id-mismatch", key(id), json(event(id + "-other", inline(png(5)))));
            case 17 -> hostile("odd-metadata", key(id), json(oddMetadata(event(id, inline(png(6))))));
            case 18 -> hostile("trailing-garbage", key(id), concat(json(event(id, inline(png(7)))),
                    random.nextBoolean() ? "}".getBytes(StandardCharsets.UTF_8) : " {\"x\":1}".getBytes(StandardCharsets.UTF_8)));
            default -> hostile("deep-json", key(id), ("{\"a\":" + "[".repeat(20_000 + random.nextInt(100_000)))
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private Case good(String kind, String id, ObjectNode event) {
        return new Case(kind, key(id), json(event), now - random.nextLong(1, 1_000_000), true);
    }

    private Case hostile(String kind, byte[] key, byte[] value) {
        return new Case(kind, key, value, timestamp(), false);
    }

    private Case oddId(int n) {
        String id = ODD_IDS[random.nextInt(ODD_IDS.length)] + "#" + n;
        return hostile("odd-id", key(id), json(event(id, inline(png(8)))));
    }

    /** Mostly recent record timestamps; some far in the future, as a producer's clock or a client may set them. */
    private long timestamp() {
        return switch (random.nextInt(10)) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> now + random.nextLong(1, 10L * 365 * 86_400_000);
            case 2 -> 0;
            default -> now - random.nextLong(1, 1_000_000);
        };
    }

    private long oddTime() {
        long[] times = {-1, Long.MIN_VALUE, Long.MAX_VALUE, 0, now + 3_600_001, now + 86_400_000L * 365 * 100};
        return times[random.nextInt(times.length)];
    }

    private ObjectNode event(String id, ObjectNode image) {
        ObjectNode root = Json.mapper().createObjectNode().put("schema", 1).put("op", "UPSERT").put("id", id)
                .put("eventTime", now - random.nextLong(1, 1_000_000));
        root.set("image", image);
        root.putObject("metadata").put("collection", "fuzz");
        return root;
    }

    private static ObjectNode inline(byte[] bytes) {
        return Json.mapper().createObjectNode().put("inline", Base64.getEncoder().encodeToString(bytes))
                .put("contentType", "image/png");
    }

    private static ObjectNode uri(String uri) {
        return Json.mapper().createObjectNode().put("uri", uri).put("contentType", "image/png");
    }

    private ObjectNode brokenInline() {
        String[] texts = {"!!!", "aGVsbG8", "", "====", "a", Base64.getEncoder().encodeToString(bytes(50)) + "*"};
        return Json.mapper().createObjectNode().put("inline", texts[random.nextInt(texts.length)]);
    }

    private byte[] oddPng() {
        int[][] sizes = {{1, 1}, {64, 1}, {1, 64}, {65, 64}, {2, 3000}, {3000, 1}};
        int[] size = sizes[random.nextInt(sizes.length)];
        byte[] png = GalleryFixtures.png(new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB));
        return switch (random.nextInt(4)) {
            case 0 -> png;
            case 1 -> Arrays.copyOf(png, 1 + random.nextInt(png.length));
            case 2 -> concat(Arrays.copyOf(png, Math.min(png.length, 33)), bytes(100));
            default -> garble(png);
        };
    }

    private byte[] wrongType(String id) {
        ObjectNode event = event(id, inline(png(9)));
        String[] fields = {"schema", "op", "id", "eventTime", "image", "metadata"};
        String field = fields[random.nextInt(fields.length)];
        String text = event.toString().replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?\\d+|\\{[^}]*})",
                "\"" + field + "\":" + BAD_TYPES[random.nextInt(BAD_TYPES.length)]);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode oddMetadata(ObjectNode event) {
        ObjectNode m = (ObjectNode) event.get("metadata");
        switch (random.nextInt(5)) {
            case 0 -> m.put("collection", "ctl\u0001\u0000\u001b[31m");
            case 1 -> m.put("capturedAt", "not a time");
            case 2 -> m.putObject("geo").put("lat", 1e9).put("lon", Double.NaN);
            case 3 -> {
                var tags = m.putArray("tags");
                for (int i = 0; i < 2000; i++) {
                    tags.add("t" + i);
                }
            }
            default -> m.putObject("bbox").put("minLon", 10).put("minLat", 10).put("maxLon", -10).put("maxLat", -10);
        }
        return event;
    }

    private byte[] truncate(byte[] json) {
        return Arrays.copyOf(json, random.nextInt(json.length));
    }

    private byte[] garble(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0, flips = 1 + random.nextInt(8); i < flips; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] withSerial(int n, byte[] bytes) {
        return concat(("k" + n + ":").getBytes(StandardCharsets.UTF_8), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
