package io.cirstream.contract.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** JSON for {@link BenchmarkQuery}: the record's fields by name inside a {@code schema} envelope. */
public final class BenchmarkQueryCodec implements EventCodec<BenchmarkQuery> {

    public static final int SCHEMA = 1;

    @Override
    public byte[] encode(BenchmarkQuery query) {
        ObjectNode root = JsonWriter.envelope(SCHEMA)
                .put("benchmark", query.benchmark())
                .put("split", query.split())
                .put("queryId", query.queryId())
                .put("referenceId", query.referenceId());
        JsonWriter.putStrings(root, "texts", query.texts());
        JsonWriter.putStrings(root, "targetIds", query.targetIds());
        JsonWriter.putStrings(root, "subsetMembers", query.subsetMembers());
        JsonWriter.putIfPresent(root, "category", query.category());
        return JsonWriter.bytes(root);
    }

    @Override
    public BenchmarkQuery decode(byte[] json) {
        JsonReader root = JsonReader.parse(json);
        root.schema(SCHEMA);
        String benchmark = root.string("benchmark");
        String split = root.string("split");
        String queryId = root.string("queryId");
        String referenceId = root.string("referenceId");
        List<String> texts = root.optStrings("texts");
        List<String> targets = root.optStrings("targetIds");
        List<String> members = root.optStrings("subsetMembers");
        String category = root.optString("category");
        return root.build("", () -> new BenchmarkQuery(benchmark, split, queryId, referenceId, texts, targets,
                members, category));
    }
}
