package io.cirstream.contract.vector;

import io.cirstream.contract.event.BoundingBox;
import io.cirstream.contract.event.GeoPoint;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorEventCodecTest {
    private final VectorEventCodec codec = new VectorEventCodec();

    @Test
    void roundTripsEveryField() {
        ImageMetadata metadata = new ImageMetadata("tiles", "harbour", Instant.parse("2024-05-01T12:00:00Z"),
                new GeoPoint(52.5, 13.4), new BoundingBox(13.0, 52.0, 14.0, 53.0), "sentinel",
                List.of("a", "b"), Map.of("band", "rgb"), "a harbour with two ships", "product-7");
        VectorEvent event = new VectorEvent("img-1", new float[]{0.6f, -0.8f}, "synthetic-v1", metadata,
                "file:///data/img-1.png", "image/png", 1_700_000_000_000L);

        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void roundTripsMinimalEvent() {
        VectorEvent event = new VectorEvent("x", new float[]{1f}, "m", ImageMetadata.inCollection(null), null, null, 0);

        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void writesTheIndexDocumentShape() {
        VectorEvent event = new VectorEvent("x", new float[]{1f}, "m",
                ImageMetadata.inCollection("c"), null, "image/png", 5);

        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"x\",\"vector\":[1.0],\"model\":\"m\",\"collection\":\"c\","
                        + "\"content_type\":\"image/png\",\"event_time\":5}");
    }

    @Test
    void namesTheMissingField() {
        assertThatThrownBy(() -> codec.decode("{\"id\":\"x\",\"model\":\"m\",\"event_time\":1}".getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'vector'");
    }
}
