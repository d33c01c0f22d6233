package io.cirstream.query.app;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generator of hostile requests for every route: garbled and truncated JSON, wrong types, nulls,
 * NaN/Infinity literals, huge numbers, control and non-BMP characters, long strings, bad query strings,
 * bad multipart bodies, wrong content types, huge ids and bad URLs. Pure: the same seed gives the same cases.
 */
final class HostileRequests {

    /** One generated request: a label for reports, and the request to send. */
    record Case(String label, HttpRequest.Builder request) {
    }

    private static final String[] FIELDS = {"reference", "text", "method", "w", "alpha", "alpha_preset", "lambda",
            "k", "filters", "exclude_reference", "explain", "colour", ""};
    private static final String[] METHODS = {"image", "text", "sum", "slerp", "weicom", "pseudo_token", "combiner",
            "", "SUM", "mean", "sum ", "\u0000"};
    private static final String[] WORDS = {"red", "hello", "blue forest", "paint it orange", "tent", "water"};

    private final SplittableRandom random;
    private final ApiFixture api;
    private final List<String> ids;

    HostileRequests(long seed, ApiFixture api, List<String> ids) {
        this.random = new SplittableRandom(seed);
        this.api = api;
        this.ids = ids;
    }

    Case next() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Case("search-json", json("/v1/search", searchBody()));
            case 3 -> new Case("search-garbled", json("/v1/search", garble(searchBody())));
            case 4 -> new Case("search-content-type", wrongContentType());
            case 5, 6 -> new Case("watch", get("/v1/watch?" + watchQuery()));
            case 7 -> new Case("images-multipart", multipart());
            case 8 -> new Case("images-by-id", byId());
            default -> new Case("search-multipart", searchMultipart());
        };
    }

    private String searchBody() {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(7);
        for (int i = 0; i < fields; i++) {
            String name = FIELDS[random.nextInt(FIELDS.length)];
            out.append(i == 0 ? "" : ",").append(quote(name)).append(':').append(valueFor(name));
        }
        return out.append('}').toString();
    }

    private String valueFor(String name) {
        if (random.nextInt(4) == 0) {
            return anyValue(2);
        }
        return switch (name) {
            case "reference" -> reference();
            case "text" -> quote(random.nextBoolean() ? pick(WORDS) : hostileString());
            case "method" -> quote(pick(METHODS));
            case "w", "alpha", "lambda" -> number();
            case "alpha_preset" -> quote(pick(new String[]{"cirr", "circo", "fashioniq", "", "CIRR"}));
            case "k" -> pick(new String[]{"1", "10", "200", "0", "-1", "201", "1.5", "1e3", "99999999999999999999",
                    "\"10\"", "null"});
            case "filters" -> filters();
            case "exclude_reference", "explain" -> pick(new String[]{"true", "false", "null", "\"true\"", "1"});
            default -> anyValue(1);
        };
    }

    private String reference() {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"id\":" + quote(random.nextBoolean() ? pick(ids) : hostileId()) + "}";
            case 1 -> "{\"image_base64\":" + quote(random.nextBoolean() ? "bm90IGFuIGltYWdl" : hostileString()) + "}";
            case 2 -> "{\"url\":" + quote(pick(new String[]{"http://127.0.0.1:1/x.png", "file:///etc/passwd",
                    "http://[::1", "gopher://x", "http://localhost/" + "a".repeat(3000), "", "http://10.0.0.1/"})) + "}";
            case 3 -> "{\"id\":\"a\",\"url\":\"http://x\"}";
            case 4 -> "{}";
            default -> anyValue(2);
        };
    }

    private String filters() {
        String[] names = {"collection", "category", "source", "tags", "captured_at", "bbox", "near", "colour"};
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(3);
        for (int i = 0; i < fields; i++) {
            String name = pick(names);
            String value = switch (name) {
                case "captured_at" -> "{\"from\":" + pick(new String[]{"\"2024-01-01T00:00:00Z\"", "null", "5",
                        "\"yesterday\"", "\"+999999999-12-31T23:59:59Z\""}) + "}";
                case "bbox" -> "{\"top\":" + number() + ",\"left\":" + number() + ",\"bottom\":" + number()
                        + ",\"right\":" + number() + "}";
                case "near" -> "{\"lat\":" + number() + ",\"lon\":" + number() + ",\"km\":" + number() + "}";
                default -> random.nextBoolean() ? quote(hostileString()) : anyValue(1);
            };
            out.append(i == 0 ? "" : ",").append(quote(name)).append(':').append(value);
        }
        return out.append('}').toString();
    }

    private String anyValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> number();
            case 3 -> pick(new String[]{"NaN", "Infinity", "-Infinity", "undefined", "'x'", "0x10", "01"});
            case 4, 5 -> quote(hostileString());
            case 6 -> "\"\"";
            case 7 -> "[" + anyValue(depth - 1) + "," + anyValue(depth - 1) + "]";
            default -> "{" + quote(hostileString()) + ":" + anyValue(depth - 1) + "}";
        };
    }

    private String number() {
        return pick(new String[]{"0", "0.5", "1", "-0", "1.0000001", "-1", "2", "1e400", "-1e400", "1e-400",
                "99999999999999999999999999", "0.3", "1E2", "NaN", "Infinity", "\"0.5\"", "null"});
    }

    private String hostileString() {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\u0000red";
            case 3 -> "red\u001b[31m";
            case 4 -> "画".repeat(1 + random.nextInt(400));
            case 5 -> "a".repeat(random.nextInt(5000));
            case 6 -> "\uD83D\uDE00 emoji \uD800";
            case 7 -> "\uFFFD\u202E\u200B";
            default -> pick(WORDS);
        };
    }

    private String hostileId() {
        return switch (random.nextInt(6)) {
            case 0 -> "画".repeat(150 + random.nextInt(100));
            case 1 -> "a".repeat(500 + random.nextInt(8000));
            case 2 -> "id\u0000x";
            case 3 -> " padded ";
            case 4 -> "";
            default -> "no-such-" + random.nextInt(1000);
        };
    }

    private String garble(String json) {
        return switch (random.nextInt(5)) {
            case 0 -> json.substring(0, random.nextInt(json.length() + 1));
            case 1 -> json + pick(new String[]{" garbage", "{}", "]", "\u0000", " // comment", ",", "\n{\"k\":1}"});
            case 2 -> {
                char[] chars = json.toCharArray();
                if (chars.length > 0) {
                    chars[random.nextInt(chars.length)] = (char) random.nextInt(0x80);
                }
                yield new String(chars);
            }
            case 3 -> pick(new String[]{"", " ", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":}", "{'k':1}"});
            default -> "\uFEFF" + json;
        };
    }

    private HttpRequest.Builder wrongContentType() {
        String type = pick(new String[]{"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "application/jsonx", "", "image/png"});
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/v1/search"))
                .POST(HttpRequest.BodyPublishers.ofString(searchBody()));
        return type.isEmpty() ? request : request.header("Content-Type", type);
    }

    private String watchQuery() {
        String[] names = {"reference_id", "text", "method", "w", "alpha", "alpha_preset", "threshold", "filters",
                "k", "lambda"};
        List<String> parts = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = pick(names);
            String value = switch (name) {
                case "reference_id" -> random.nextBoolean() ? pick(ids) : hostileId();
                case "method" -> pick(METHODS);
                case "w", "alpha", "threshold", "lambda" -> pick(new String[]{"0.5", "NaN", "Infinity", "-Infinity",
                        "", "2", "-2", "1e400", "0x1p3", "1d", "abc", "0.3"});
                case "filters" -> random.nextBoolean() ? filters() : garble(filters());
                default -> random.nextBoolean() ? pick(WORDS) : hostileString();
            };
            String encoded = random.nextInt(8) == 0 ? "%FF%FE%00" : URLEncoder.encode(value, StandardCharsets.UTF_8);
            parts.add(name + "=" + encoded);
        }
        String query = String.join("&", parts);
        // Under Vert.x's 4096-byte request line, and never a cut escape (the client could not send it).
        return query.length() > 3000 ? query.substring(0, 3000).replaceAll("%[0-9A-Fa-f]?$", "") : query;
    }

    private HttpRequest.Builder multipart() {
        Map<String, String> fields = new java.util.HashMap<>();
        if (random.nextBoolean()) {
            fields.put("id", random.nextBoolean() ? "fuzz-" + random.nextInt(1_000_000) : hostileId());
        }
        if (random.nextInt(3) == 0) {
            fields.put("tags", hostileString());
        }
        if (random.nextInt(3) == 0) {
            fields.put("collection", hostileString());
        }
        byte[] image = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> randomBytes(random.nextInt(2000));
            default -> pngHeaderThenGarbage();
        };
        if (random.nextInt(5) == 0) {
            return brokenMultipart();
        }
        return api.multipartRequest("/v1/images", fields, "image", image);
    }

    private HttpRequest.Builder searchMultipart() {
        if (random.nextInt(4) == 0) {
            return brokenMultipart().uri(api.uri("/v1/search"));
        }
        Map<String, String> fields = random.nextBoolean() ? Map.of("request", random.nextBoolean()
                ? searchBody() : garble(searchBody())) : Map.of();
        byte[] image = random.nextBoolean() ? randomBytes(random.nextInt(500)) : pngHeaderThenGarbage();
        return api.multipartRequest("/v1/search", fields, random.nextBoolean() ? "image" : "other", image);
    }

    private HttpRequest.Builder brokenMultipart() {
        String boundary = "b" + UUID.randomUUID();
        String body = pick(new String[]{"--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nxx",
                "garbage without any boundary", "--" + boundary + "--", "--other\r\n\r\n--other--\r\n", ""});
        return HttpRequest.newBuilder(api.uri("/v1/images"))
                .header("Content-Type", pick(new String[]{"multipart/form-data; boundary=" + boundary,
                        "multipart/form-data", "multipart/form-data; boundary="}))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder byId() {
        String id = random.nextBoolean() ? pick(ids) : hostileId();
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        if (encoded.length() > 3000) {
            encoded = encoded.substring(0, 3000).replaceAll("%[0-9A-F]?$", "");
        }
        String path = "/v1/images/" + (encoded.isEmpty() ? "%20" : encoded)
                + (random.nextBoolean() ? "/content" : "");
        return switch (random.nextInt(3)) {
            case 0 -> HttpRequest.newBuilder(api.uri(path)).DELETE();
            case 1 -> HttpRequest.newBuilder(api.uri(path)).method("PATCH", HttpRequest.BodyPublishers.noBody());
            default -> HttpRequest.newBuilder(api.uri(path)).GET();
        };
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(api.uri(pathAndQuery)).GET();
    }

    private byte[] pngHeaderThenGarbage() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        byte[] tail = randomBytes(random.nextInt(200));
        byte[] out = new byte[header.length + tail.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(tail, 0, out, header.length, tail.length);
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A JSON string literal; unpaired surrogates are sent as escapes, as a hostile client could. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
