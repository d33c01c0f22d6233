package io.cirstream.contract.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRulesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void idIsLimitedInUtf8BytesNotCharacters() {
        // Regression: 200 × '画' is 200 characters but 600 bytes; OpenSearch refused it and the whole bulk.
        assertThatThrownBy(() -> EventRules.checkId("画".repeat(200)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("id is 600 bytes in UTF-8, the limit is 512 (OpenSearch's _id limit)");
        assertThatCode(() -> EventRules.checkId("画".repeat(170) + "ab")).doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkId("x".repeat(512))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventRules.checkId("x".repeat(513))).hasMessageContaining("513 bytes");
        assertThatThrownBy(() -> EventRules.checkId("😀".repeat(129))).hasMessageContaining("516 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "line\nbreak", "del\u007F", "c1\u0085", "sep\u2028x", "\u0000"})
    void idWithAControlCharacterIsRefused(String id) {
        // Regression: an id with \u0000 was indexed.
        assertThatThrownBy(() -> EventRules.checkId(id)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("id contains the control character U+");
    }

    @Test
    void idErrorsNameTheCodePointAndEscapeIt() {
        assertThatThrownBy(() -> EventRules.checkId("a\u0000b"))
                .hasMessage("id contains the control character U+0000 at index 1");
        assertThatThrownBy(() -> EventRules.checkId(" a")).hasMessageContaining("leading or trailing whitespace");
        assertThatThrownBy(() -> EventRules.checkId("a\u3000")).hasMessageContaining("leading or trailing whitespace");
        assertThatThrownBy(() -> EventRules.checkId("  ")).hasMessage("id must be a non-blank string");
        assertThatThrownBy(() -> EventRules.checkId(null)).hasMessage("id must be a non-blank string");
    }

    @Test
    void idWithAnUnpairedSurrogateIsRefused() {
        assertThatThrownBy(() -> EventRules.checkId("a\uD800b")).hasMessageContaining("unpaired surrogate U+D800");
        assertThatThrownBy(() -> EventRules.checkId("a\uDC00")).hasMessageContaining("unpaired surrogate U+DC00");
    }

    @Test
    void ordinaryIdsPass() {
        for (String id : List.of("img-0001", "sub/dir/c", "画像", "a b", "emoji 👩‍💻", "x")) {
            assertThatCode(() -> EventRules.checkId(id)).as(id).doesNotThrowAnyException();
        }
    }

    @Test
    void eventTimeIsWithinZeroAndTheYear9999() {
        assertThatCode(() -> EventRules.checkEventTime(0)).doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkEventTime(EventRules.MAX_EVENT_TIME)).doesNotThrowAnyException();
        assertThat(Instant.ofEpochMilli(EventRules.MAX_EVENT_TIME)).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThatThrownBy(() -> EventRules.checkEventTime(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> EventRules.checkEventTime(Long.MAX_VALUE)).hasMessageContaining("<= 253402300799999");
    }

    @Test
    void eventTimeMayBeAtMostFiveMinutesAhead() {
        long now = NOW.millis();
        assertThatCode(() -> EventRules.checkNotFuture(now, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkNotFuture(now + 300_000, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkNotFuture(0, NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventRules.checkNotFuture(now + 300_001, NOW))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("more than 5 minutes ahead of the clock (now 2026-03-01T12:00:00Z)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file://localhost/etc/passwd", "file://../../x", "file:relative.png", "file:///a?b=c",
            "file:///a#frag", "file:///a%00b.png", "file:///a/../etc/passwd", "file:///a/./b.png", "file://host",
            "FILE://server/share/x.png"})
    void fileUrisThatAreNotLocalAbsolutePathsAreRefused(String uri) {
        // Regression: such URIs reached Path.of in the embedder, whose IllegalArgumentException stopped the stream.
        assertThatThrownBy(() -> EventRules.checkUri(URI.create(uri))).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("image uri is not a local file path (")
                .hasMessageContaining("write file:///absolute/path/to/image");
    }

    @Test
    void fileUriRefusalsSayWhy() {
        assertThatThrownBy(() -> EventRules.checkUri(URI.create("file://localhost/etc/passwd")))
                .hasMessageContaining("has a host or authority 'localhost'");
        assertThatThrownBy(() -> EventRules.checkUri(URI.create("file:///a%00b")))
                .hasMessageContaining("path contains a NUL character").hasMessageNotContaining("\u0000");
        assertThatThrownBy(() -> EventRules.checkUri(URI.create("file:x"))).hasMessageContaining("opaque");
    }

    @Test
    void goodUrisPass() {
        for (String uri : List.of("file:///data/a%20b.jpg", "file:/data/x.png", "https://example.org/a.png?x=1#y",
                "s3://bucket/key")) {
            assertThatCode(() -> EventRules.checkUri(URI.create(uri))).as(uri).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> EventRules.checkUri(URI.create("x.png"))).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> EventRules.checkUri(URI.create("https://h/" + "a".repeat(9000))))
                .hasMessageContaining("the limit is 8192");
    }

    @Test
    void contentTypeIsPrintableAndBounded() {
        assertThatCode(() -> EventRules.checkContentType("image/png")).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventRules.checkContentType("image/png\r\nX: y")).hasMessageContaining("U+000D");
        assertThatThrownBy(() -> EventRules.checkContentType("a".repeat(256))).hasMessageContaining("limit is 255");
    }

    @Test
    void metadataTextFieldsAreBoundedAndPrintable() {
        assertThatThrownBy(() -> metadata("a\u0000", null, null, null)).hasMessageContaining("category contains");
        assertThatThrownBy(() -> metadata("c".repeat(257), null, null, null)).hasMessageContaining("limit is 256");
        assertThatThrownBy(() -> metadata(null, List.of("ok", " "), null, null))
                .isInstanceOf(InvalidFieldException.class).hasMessage("tags[1] is blank");
        assertThatThrownBy(() -> metadata(null, Collections.nCopies(257, "t"), null, null))
                .hasMessage("tags has 257 entries, the limit is 256");
        assertThatThrownBy(() -> metadata(null, List.of("t".repeat(257)), null, null))
                .hasMessageContaining("tags[0] is 257 characters");
    }

    @Test
    void attributeKeysAreIndexablePathsAndValuesAreBounded() {
        assertThatThrownBy(() -> metadata(null, null, Map.of("", "v"), null)).hasMessageContaining("must be non-blank");
        assertThatThrownBy(() -> metadata(null, null, Map.of("a..b", "v"), null))
                .hasMessageContaining("doubled '.'");
        assertThatThrownBy(() -> metadata(null, null, Map.of("k\u0001", "v"), null))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("attribute key contains")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("attributes.k\\u0001");
        assertThatThrownBy(() -> metadata(null, null, Map.of("k", "v\u0000"), null))
                .hasMessageContaining("attributes.k contains the control character U+0000");
        assertThatCode(() -> metadata(null, null, Map.of("lens.mm", "first line\nsecond\tline"), null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> metadata(null, null, Map.of("k", "v".repeat(4097)), null))
                .hasMessageContaining("limit is 4096");
    }

    @Test
    void capturedAtPrintsWithAFourDigitYear() {
        assertThatCode(() -> metadata(null, null, null, Instant.parse("1900-01-01T00:00:00Z"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> metadata(null, null, null, Instant.parse("+10000-01-01T00:00:00Z")))
                .hasMessageContaining("capturedAt must lie within");
        assertThatThrownBy(() -> metadata(null, null, null, Instant.parse("-0001-01-01T00:00:00Z")))
                .hasMessageContaining("capturedAt must lie within");
    }

    @Test
    void geoIsOnTheGlobeAndFinite() {
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).hasMessageContaining("lat must be within");
        assertThatThrownBy(() -> new GeoPoint(0, Double.POSITIVE_INFINITY)).hasMessageContaining("lon must be within");
        assertThatThrownBy(() -> new BoundingBox(1, 0, 0, 1)).hasMessageContaining("minimum exceeds maximum");
    }

    private static ImageMetadata metadata(String category, List<String> tags, Map<String, String> attributes,
                                          Instant capturedAt) {
        return new ImageMetadata("c", category, capturedAt, null, null, null, tags, attributes);
    }
}
