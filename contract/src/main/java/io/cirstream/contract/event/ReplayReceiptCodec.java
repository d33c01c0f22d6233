package io.cirstream.contract.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** JSON for {@link ReplayReceipt}: the record's fields by name inside a {@code schema} envelope. */
public final class ReplayReceiptCodec implements EventCodec<ReplayReceipt> {

    public static final int SCHEMA = 1;

    @Override
    public byte[] encode(ReplayReceipt receipt) {
        ObjectNode root = JsonWriter.envelope(SCHEMA)
                .put("benchmark", receipt.benchmark())
                .put("split", receipt.split())
                .put("collection", receipt.collection())
                .put("galleryCount", receipt.galleryCount())
                .put("queryCount", receipt.queryCount())
                .put("createdAt", receipt.createdAt().toString());
        JsonWriter.putIfPresent(root, "source", receipt.source());
        return JsonWriter.bytes(root);
    }

    @Override
    public ReplayReceipt decode(byte[] json) {
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
        return root.build("", () -> new ReplayReceipt(benchmark, split, collection, galleryCount, queryCount,
                source, createdAt));
    }
}
