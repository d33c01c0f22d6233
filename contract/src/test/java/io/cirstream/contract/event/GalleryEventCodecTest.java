package io.cirstream.contract.event;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GalleryEventCodecTest {
    private final GalleryEventCodec codec = new GalleryEventCodec();

    @Test
    void roundTripsAnInlineImageWithFullMetadata() {
        ImageMetadata metadata = new ImageMetadata("synthetic-val", "dress", Instant.parse("2024-05-01T12:00:00Z"),
                new GeoPoint(48.85, 2.35), new BoundingBox(2.3, 48.8, 2.4, 48.9), "upload:alice",
                List.of("red", "long"), Map.of("photographer", "alice", "lens", "50mm"), "a long red dress", "sku-42");
        GalleryEvent event = GalleryEvent.upsert("img-0001", ImageRef.inline(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0},
                "image/png"), metadata, 1_700_000_000_123L);

        GalleryEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.image().inline()).containsExactly(0x89, 'P', 'N', 'G', 0);
    }

    @Test
    void roundTripsAUriImageWithMinimalMetadata() {
        GalleryEvent event = GalleryEvent.upsert("12345", ImageRef.uri(URI.create("file:///data/a%20b.jpg"), null),
                ImageMetadata.inCollection(null), 0);

        GalleryEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.metadata().collection()).isEqualTo("default");
        assertThat(decoded.image().uri().getPath()).isEqualTo("/data/a b.jpg");
    }

    @Test
    void inlineBytesAreBase64InTheJson() {
        GalleryEvent event = GalleryEvent.upsert("a", ImageRef.inline("hello".getBytes(StandardCharsets.UTF_8), null),
                ImageMetadata.inCollection("c"), 1);

        String json = new String(codec.encode(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"inline\":\"aGVsbG8=\"").contains("\"schema\":1").contains("\"op\":\"UPSERT\"");
    }

    @Test
    void missingMetadataMeansTheDefaultCollection() {
        GalleryEvent event = codec.decode(json("{'schema':1,'op':'UPSERT','id':'x','eventTime':5,"
                + "'image':{'uri':'file:///x.png'}}"));

        assertThat(event.metadata()).isEqualTo(ImageMetadata.inCollection("default"));
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        GalleryEvent event = codec.decode(json("{'schema':1,'op':'UPSERT','id':'x','eventTime':5,'extra':[1],"
                + "'image':{'uri':'file:///x.png','checksum':'abc'},'metadata':{'collection':'c','new':true}}"));

        assertThat(event.id()).isEqualTo("x");
        assertThat(event.metadata().collection()).isEqualTo("c");
    }

    @Test
    void serdeKeepsTombstonesNull() {
        Serde<GalleryEvent> serde = codec.serde();
        GalleryEvent event = GalleryEvent.upsert("a", ImageRef.uri(URI.create("s3://b/k"), "image/jpeg"),
                ImageMetadata.inCollection("c"), 1);

        assertThat(serde.serializer().serialize("gallery", null)).isNull();
        assertThat(serde.deserializer().deserialize("gallery", null)).isNull();
        assertThat(serde.deserializer().deserialize("gallery", serde.serializer().serialize("gallery", event)))
                .isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json               | {oops                                                             | $              | not valid JSON
            an array               | [1,2]                                                             | $              | expected a JSON object
            no schema              | {'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'}}     | schema         | required field is missing
            future schema          | {'schema':2,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'}} | schema  | unsupported future schema version 2
            schema zero            | {'schema':0,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'}} | schema  | must be >= 1
            schema as text         | {'schema':'1','op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'}} | schema | expected number, got string
            unknown op             | {'schema':1,'op':'DELETE','id':'x','eventTime':1,'image':{'uri':'f:/x'}} | op      | unknown op 'DELETE'
            blank id               | {'schema':1,'op':'UPSERT','id':'  ','eventTime':1,'image':{'uri':'f:/x'}} | id     | non-blank
            numeric id             | {'schema':1,'op':'UPSERT','id':42,'eventTime':1,'image':{'uri':'f:/x'}}   | id     | expected string, got number
            padded id              | {'schema':1,'op':'UPSERT','id':' x','eventTime':1,'image':{'uri':'f:/x'}} | id     | leading or trailing whitespace
            no event time          | {'schema':1,'op':'UPSERT','id':'x','image':{'uri':'f:/x'}}        | eventTime      | required field is missing
            fractional time        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1.5,'image':{'uri':'f:/x'}} | eventTime | expected a 64-bit integer
            negative time          | {'schema':1,'op':'UPSERT','id':'x','eventTime':-1,'image':{'uri':'f:/x'}} | eventTime | >= 0
            no image               | {'schema':1,'op':'UPSERT','id':'x','eventTime':1}                 | image          | required field is missing
            both inline and uri    | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x','inline':'AA=='}} | image | exactly one of
            neither inline nor uri | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'contentType':'image/png'}} | image | exactly one of
            bad base64             | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'inline':'***'}} | image.inline | not valid base64
            empty inline           | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'inline':''}}  | image.inline | empty
            relative uri           | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'x.png'}} | image.uri | must be absolute
            unparsable uri         | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'file:// x y'}} | image.uri | not a valid URI
            latitude out of range  | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'geo':{'lat':91,'lon':0}}} | metadata.geo | lat must be within
            geo without lon        | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'geo':{'lat':1}}} | metadata.geo.lon | required field is missing
            inverted bbox          | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'bbox':{'minLon':2,'minLat':0,'maxLon':1,'maxLat':1}}} | metadata.bbox | minimum exceeds maximum
            non-string tag         | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'tags':['a',3]}} | metadata.tags[1] | expected a string
            non-string attribute   | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'attributes':{'k':{}}}} | metadata.attributes.k | expected a string
            bad capturedAt         | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'capturedAt':'yesterday'}} | metadata.capturedAt | ISO-8601
            bad collection         | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'collection':'a b'}} | metadata.collection | collection must be
            multi-line caption     | {'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'uri':'f:/x'},'metadata':{'caption':'a\\nb'}} | metadata.caption | control character
            """)
    void malformedEventsNameTheFieldAndTheProblem(String caseName, String json, String field, String problem) {
        MalformedEventException e = catchThrowableOfType(MalformedEventException.class, () -> codec.decode(json(json)));

        assertThat(e).as(caseName).isNotNull();
        assertThat(e.field()).as(caseName).isEqualTo(field);
        assertThat(e.problem()).as(caseName).contains(problem);
        assertThat(e.getMessage()).contains("'" + field + "'");
    }

    @Test
    void oversizedInlineImageIsRefused() {
        String big = java.util.Base64.getEncoder().encodeToString(new byte[ImageRef.MAX_INLINE_BYTES + 1]);
        byte[] json = json("{'schema':1,'op':'UPSERT','id':'x','eventTime':1,'image':{'inline':'" + big + "'}}");

        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("image.inline").hasMessageContaining("reference it by uri");
    }

    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
