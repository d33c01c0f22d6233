package io.cirstream.tools.world;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cirstream.contract.json.Json;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic composed-image-retrieval world: satellite-style tiles (land cover + one object of a kind
 * and colour) and queries "reference + modification text -> target", written in CIRR rc2's on-disk format so
 * the CIRR replay and evaluation code serve it unchanged. Tiles are rendered and written one at a time.
 */
public final class SyntheticWorld {

    public static final String DEFAULT_SPLIT = "val";

    private SyntheticWorld() {
    }

    /** Writes {@code imageCount} PNG tiles and {@code queryCount} queries for split "val" under {@code outDir}. */
    public static CirrLayout generate(long seed, int imageCount, int queryCount, Path outDir) {
        return generate(seed, imageCount, queryCount, new CirrLayout(outDir, DEFAULT_SPLIT, TileFileFormat.PNG));
    }

    public static CirrLayout generate(long seed, int imageCount, int queryCount, CirrLayout layout) {
        if (imageCount < 2 || queryCount < 0) {
            throw new IllegalArgumentException("need >= 2 images and >= 0 queries, got " + imageCount + " and " + queryCount);
        }
        try {
            writeImages(seed, imageCount, layout);
            writeQueries(seed, imageCount, queryCount, layout);
            return layout;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic world to " + layout.root(), e);
        }
    }

    /** The tile behind image {@code index} of the world with {@code seed} (what was drawn, without pixels). */
    public static TileSpec tile(long seed, int index) {
        return TileSpec.of(seed, index);
    }

    private static void writeImages(long seed, int imageCount, CirrLayout layout) throws IOException {
        Files.createDirectories(layout.imageFile(0).getParent());
        Files.createDirectories(layout.imageSplit().getParent());
        try (JsonGenerator split = Json.mapper().getFactory().createGenerator(layout.imageSplit().toFile(),
                JsonEncoding.UTF8)) {
            split.writeStartObject();
            for (int i = 0; i < imageCount; i++) {
                if (!ImageIO.write(TileRenderer.render(TileSpec.of(seed, i)), layout.format().writerName(),
                        layout.imageFile(i).toFile())) {
                    throw new IOException("no ImageIO writer for " + layout.format());
                }
                split.writeStringField(layout.imageName(i), layout.relativeImagePath(i));
            }
            split.writeEndObject();
        }
    }

    private static void writeQueries(long seed, int imageCount, int queryCount, CirrLayout layout) throws IOException {
        Files.createDirectories(layout.captions().getParent());
        QueryMaker maker = new QueryMaker(seed, imageCount, TileIndex.build(seed, imageCount));
        try (JsonGenerator out = Json.mapper().getFactory().createGenerator(layout.captions().toFile(),
                JsonEncoding.UTF8)) {
            out.writeStartArray();
            for (int q = 0; q < queryCount; q++) {
                writeQuery(out, maker.make(q), layout);
            }
            out.writeEndArray();
        }
    }

    private static void writeQuery(JsonGenerator out, SyntheticQuery query, CirrLayout layout) throws IOException {
        out.writeStartObject();
        out.writeNumberField("pairid", query.pairId());
        out.writeStringField("reference", layout.imageName(query.reference()));
        out.writeStringField("target_hard", layout.imageName(query.target()));
        out.writeObjectFieldStart("target_soft");
        for (int t : query.targets()) {
            out.writeNumberField(layout.imageName(t), 1.0);
        }
        out.writeEndObject();
        out.writeStringField("caption", query.caption());
        out.writeObjectFieldStart("img_set");
        out.writeNumberField("id", query.pairId());
        out.writeArrayFieldStart("members");
        for (int m : query.members()) {
            out.writeString(layout.imageName(m));
        }
        out.writeEndArray();
        out.writeNumberField("reference_rank", query.members().indexOf(query.reference()));
        out.writeNumberField("target_rank", query.members().indexOf(query.target()));
        out.writeEndObject();
        out.writeEndObject();
    }

    /** The queries of a world, recomputed without reading files (for tests and evaluation tools). */
    public static List<SyntheticQuery> queries(long seed, int imageCount, int queryCount) {
        QueryMaker maker = new QueryMaker(seed, imageCount, TileIndex.build(seed, imageCount));
        List<SyntheticQuery> queries = new ArrayList<>(queryCount);
        for (int q = 0; q < queryCount; q++) {
            queries.add(maker.make(q));
        }
        return queries;
    }
}
