package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.event.GalleryEvent;
import io.cirstream.contract.event.ImageMetadata;
import io.cirstream.contract.event.ImageRef;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, satellite tiles end to end: GDAL-written GeoTIFFs in EPSG:4326, EPSG:3857 and UTM 33N, sent with no
 * position at all, are indexed with the footprint the embedder reads from them, and the query API's {@code bbox}
 * and {@code near} filters (the clauses {@code query-api}'s {@code Filters} builds on {@code geo}) find each tile
 * at the place {@code gdalinfo} reports, and only there. The capture time comes from the TIFF tags.
 */
@IntegrationTest
class EmbedderSatelliteTilesIntegrationTest {
    @TempDir
    Path stateDir;
    @TempDir
    Path fixtures;

    @BeforeAll
    static void gdal() {
        GdalTiles.require();
    }

    @Test
    void tilesInThreeCrssAreFoundByBboxAndNearAtGdalsFootprints() throws Exception {
        Map<String, GdalTiles.Tile> tiles = new LinkedHashMap<>();
        // Rome, northern Germany, the Adriatic coast: far enough apart that each filter finds one tile.
        tiles.put("geo-4326", GdalTiles.write(fixtures, "geo", 1, "EPSG:4326",
                new double[] {12.5, 41.9, 12.537, 41.877}, "-mo", "TIFFTAG_DATETIME=2024:05:01 10:30:00"));
        tiles.put("web-3857", GdalTiles.write(fixtures, "web", 2, "EPSG:3857",
                new double[] {1113194.9, 6800125.5, 1118194.9, 6796125.5}));
        tiles.put("utm-32633", GdalTiles.write(fixtures, "utm", 3, "EPSG:32633",
                new double[] {500000, 5000000, 503700, 4997700}));
        try (EmbedderHarness h = new EmbedderHarness(stateDir, Map.of(EmbedderConfig.TILE_BANDS.name(), "3,2,1"));
             EmbedderService service = h.start()) {
            long now = System.currentTimeMillis();
            tiles.forEach((id, tile) -> h.send(id, GalleryFixtures.encode(GalleryEvent.upsert(id,
                    ImageRef.inline(tile.bytes(), "image/tiff"), ImageMetadata.inCollection("tiles"), now)), now));
            h.flush();
            await("three tiles indexed", () -> h.documentCount() == tiles.size());

            for (Map.Entry<String, GdalTiles.Tile> e : tiles.entrySet()) {
                GdalTiles.Tile t = e.getValue();
                assertThat(ids(h, String.format(Locale.ROOT, "{\"geo_bounding_box\":{\"geo\":{\"top_left\":{\"lat\":%s,"
                        + "\"lon\":%s},\"bottom_right\":{\"lat\":%s,\"lon\":%s}}}}", t.north(), t.west(), t.south(),
                        t.east()))).as("bbox of " + e.getKey()).containsExactly(e.getKey());
                assertThat(ids(h, String.format(Locale.ROOT, "{\"geo_distance\":{\"distance\":\"0.5km\",\"geo\":"
                        + "{\"lat\":%s,\"lon\":%s}}}", t.centreLat(), t.centreLon())))
                        .as("near the centre of " + e.getKey()).containsExactly(e.getKey());
                JsonNode source = h.document(e.getKey()).path("_source");
                assertThat(source.path("bbox").isMissingNode()).as("bbox stored for " + e.getKey()).isFalse();
            }
            assertThat(h.document("geo-4326").path("_source").path("captured_at").asText())
                    .startsWith("2024-05-01T10:30");
            assertThat(h.readAll(h.topics().deadLetters())).isEmpty();
            assertThat(service.streamState()).isPresent();
        }
    }

    private static List<String> ids(EmbedderHarness h, String filter) {
        JsonNode hits = h.openSearch().call("POST", "/" + h.alias() + "/_search",
                "{\"size\":10,\"_source\":[\"id\"],\"query\":{\"bool\":{\"filter\":[" + filter + "]}}}")
                .path("hits").path("hits");
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_source").path("id").asText()));
        return ids;
    }
}
