package io.cirstream.tools.world;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.contract.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticWorldTest {

    @Test
    void writesCirrRc2Files(@TempDir Path dir) throws IOException {
        CirrLayout layout = SyntheticWorld.generate(7L, 300, 50, dir);
        assertThat(layout.captions()).isEqualTo(dir.resolve("captions/cap.rc2.val.json"));
        JsonNode split = Json.mapper().readTree(layout.imageSplit().toFile());
        assertThat(split.size()).isEqualTo(300);
        assertThat(split.get("syn-0000299").asText()).isEqualTo("./dev/syn-0000299.png");
        BufferedImage tile = ImageIO.read(dir.resolve("dev/syn-0000299.png").toFile());
        assertThat(tile.getWidth()).isEqualTo(TileGeometry.SIZE);

        JsonNode captions = Json.mapper().readTree(layout.captions().toFile());
        assertThat(captions.size()).isEqualTo(50);
        for (JsonNode q : captions) {
            assertThat(q.fieldNames()).toIterable().contains("pairid", "reference", "target_hard", "target_soft", "caption", "img_set");
            JsonNode set = q.get("img_set");
            List<String> members = new ArrayList<>();
            set.get("members").forEach(m -> members.add(m.asText()));
            assertThat(members).hasSize(6).doesNotHaveDuplicates();
            assertThat(members.get(set.get("reference_rank").asInt())).isEqualTo(q.get("reference").asText());
            assertThat(members.get(set.get("target_rank").asInt())).isEqualTo(q.get("target_hard").asText());
            assertThat(q.get("target_soft").has(q.get("target_hard").asText())).isTrue();
            assertThat(split.has(q.get("reference").asText())).isTrue();
        }
    }

    @Test
    void targetsHaveTheAttributesTheCaptionAsksFor() {
        List<SyntheticQuery> queries = SyntheticWorld.queries(11L, 500, 100);
        Set<Integer> difficulties = new HashSet<>();
        for (SyntheticQuery q : queries) {
            TileSpec reference = SyntheticWorld.tile(11L, q.reference());
            TileSpec target = SyntheticWorld.tile(11L, q.target());
            Attributes from = new Attributes(reference.land(), reference.kind(), reference.colour());
            Attributes to = new Attributes(target.land(), target.kind(), target.colour());
            assertThat(3 - from.shared(to)).isEqualTo(q.changed());
            if (from.colour() != to.colour()) {
                assertThat(q.caption()).contains(to.colour().word());
            }
            if (from.land() != to.land()) {
                assertThat(q.caption()).contains(to.land().word());
            }
            if (from.kind() != to.kind()) {
                assertThat(q.caption()).contains(to.kind().word());
            }
            for (int t : q.targets()) {
                assertThat(SyntheticWorld.tile(11L, t).attributeKey()).isEqualTo(to.key());
            }
            difficulties.add(q.changed());
        }
        assertThat(difficulties).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void sameSeedSameWorldOtherSeedOtherWorld(@TempDir Path dir) throws IOException {
        SyntheticWorld.generate(3L, 40, 10, dir.resolve("a"));
        SyntheticWorld.generate(3L, 40, 10, dir.resolve("b"));
        SyntheticWorld.generate(4L, 40, 10, dir.resolve("c"));
        for (String file : List.of("captions/cap.rc2.val.json", "dev/syn-0000017.png")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(file)));
        }
    }

    @Test
    void tilesOfTheSameAttributesStillDiffer() {
        TileSpec a = new TileSpec(0, LandCover.SNOW, ObjectKind.SHIP, ObjectColour.RED, 0, 0, 1, 1L);
        TileSpec b = new TileSpec(1, LandCover.SNOW, ObjectKind.SHIP, ObjectColour.RED, 1.5, -2, 0.9, 2L);
        BufferedImage ia = TileRenderer.render(a);
        BufferedImage ib = TileRenderer.render(b);
        int differing = 0;
        for (int y = 0; y < TileGeometry.SIZE; y++) {
            for (int x = 0; x < TileGeometry.SIZE; x++) {
                differing += ia.getRGB(x, y) != ib.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).isGreaterThan(TileGeometry.SIZE * TileGeometry.SIZE / 2);
    }

    @Test
    void jpegWorldsUseJpegFiles(@TempDir Path dir) throws IOException {
        CirrLayout layout = SyntheticWorld.generate(5L, 10, 2, new CirrLayout(dir, "test1", TileFileFormat.JPEG));
        assertThat(Json.mapper().readTree(layout.imageSplit().toFile()).get("syn-0000003").asText())
                .isEqualTo("./test1/syn-0000003.jpg");
        assertThat(ImageIO.read(layout.imageFile(3).toFile()).getHeight()).isEqualTo(TileGeometry.SIZE);
    }
}
