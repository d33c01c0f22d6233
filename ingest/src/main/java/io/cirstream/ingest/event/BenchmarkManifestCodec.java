package io.cirstream.ingest.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** JSON for {@link BenchmarkManifest}: the record's fields by name inside a {@code schema} envelope. */
public final class BenchmarkManifestCodec implements EventCodec<BenchmarkManifest> {

    public static final int SCHEMA = 1;

    @Override
    public byte[] encode(BenchmarkManifest manifest) {
        ObjectNode root = JsonWriter.envelope(SCHEMA)
                .put("benchmark", manifest.benchmark())
                .put("split", manifest.split())
                .put("collection", manifest.collection())
                .put("galleryCount", manifest.galleryCount())
                .put("queryCount", manifest.queryCount())
                .put("createdAt", manifest.createdAt().toString());
        JsonWriter.putIfPresent(root, "source", manifest.source());
        return JsonWriter.bytes(root);
    }

    @Override
    public BenchmarkManifest decode(byte[] json) {
        JsonReader root = JsonReader.parse(json);
        root.schema(SCHEMA);
        String benchmark = root.string("benchmark");
        String split = root.string("split");
        String collection = root.string("collection");
        long galleryCount = root.longValue("galleryCount");
        long queryCount = root.longValue("queryCount");
        String source = root.optString("source");
        Instant createdAt = root.optInstant("createdAt");
        if (createdAt == null) {
            throw root.error("createdAt", "required field is missing");
        }
        return root.build("", () -> new BenchmarkManifest(benchmark, split, collection, galleryCount, queryCount,
                source, createdAt));
    }
}
