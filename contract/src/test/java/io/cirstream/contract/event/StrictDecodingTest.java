package io.cirstream.contract.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.cirstream.contract.event.GalleryEventCodecTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Regressions at the decoding edge: each of these was accepted (or threw something unchecked) before. */
class StrictDecodingTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String GOOD = "{'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x.png'}}";
    private final GalleryEventCodec codec = new GalleryEventCodec(NOW);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trailing garbage       | GOOD garbage                      | $         | not valid JSON
            trailing second value  | GOOD {}                           | $         | Trailing token
            duplicate key          | {'schema':1,'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x'}} | $ | Duplicate field 'schema'
            NaN literal            | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x'},'metadata':{'geo':{'lat':NaN,'lon':0}}} | $ | NaN
            infinite number        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x'},'metadata':{'geo':{'lat':1e999,'lon':0}}} | metadata.geo | lat must be within
            600-byte id            | {'schema':1,'op':'UPSERT','id':'ID600','eventTime':1,'image':{'uri':'file:///x'}} | id | 600 bytes in UTF-8
            NUL in id              | {'schema':1,'op':'UPSERT','id':'a\\u0000b','eventTime':1,'image':{'uri':'file:///x'}} | id | control character U+0000
            lone surrogate in id   | {'schema':1,'op':'UPSERT','id':'a\\ud800','eventTime':1,'image':{'uri':'file:///x'}} | id | unpaired surrogate
            far-future time        | {'schema':1,'op':'UPSERT','id':'x','eventTime':9223372036854775807,'image':{'uri':'file:///x'}} | eventTime | <= 253402300799999
            two hours ahead        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1772380800000,'image':{'uri':'file:///x'}} | eventTime | more than 5 minutes ahead
            authority in file uri  | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file://localhost/etc/passwd'}} | image.uri | has a host or authority
            dots as authority      | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file://../../x'}} | image.uri | has a host or authority '..'
            opaque file uri        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:x.png'}} | image.uri | opaque
            query in file uri      | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x?y'}} | image.uri | has a query
            NUL in file uri        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x%00.png'}} | image.uri | NUL character
            dot-dot in file uri    | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///r/../etc/passwd'}} | image.uri | '..' segment
            control in contentType | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x','contentType':'a\\nb'}} | image.contentType | U+000A
            control in tag         | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x'},'metadata':{'tags':['ok','a\\u0000']}} | metadata.tags[1] | U+0000
            empty attribute key    | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:///x'},'metadata':{'attributes':{'':'v'}}} | metadata.attributes. | non-blank
            """)
    void refusedWithTheFieldNamed(String caseName, String template, String field, String problem) {
        String text = template.replace("GOOD", GOOD).replace("ID600", "画".repeat(200));
        MalformedEventException e = catchThrowableOfType(MalformedEventException.class, () -> codec.decode(json(text)));

        assertThat(e).as(caseName).isNotNull();
        assertThat(e.field()).as(caseName).isEqualTo(field);
        assertThat(e.problem()).as(caseName).contains(problem);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] good = json(GOOD);
        int id = new String(good, StandardCharsets.UTF_8).indexOf("\"x\"") + 1;
        good[id] = (byte) 0xC3; // a two-byte lead followed by '"': not UTF-8
        MalformedEventException e = catchThrowableOfType(MalformedEventException.class, () -> codec.decode(good));
        assertThat(e).isNotNull();
        assertThat(e.problem()).contains("Invalid UTF-8");
    }

    @Test
    void fiveMinutesOfSkewAndThePastAreAccepted() {
        long aheadOk = NOW.millis() + 300_000;
        assertThat(codec.decode(json(GOOD.replace("'eventTime':1", "'eventTime':" + aheadOk))).eventTime())
                .isEqualTo(aheadOk);
        assertThat(codec.decode(json(GOOD)).eventTime()).isEqualTo(1);
    }
}
