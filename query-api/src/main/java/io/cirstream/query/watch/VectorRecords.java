package io.cirstream.query.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.vector.VectorEvent;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.query.search.StoredVector;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads records of the {@code vectors} topic ({@link VectorEvent}s in the index document shape). Vectors of
 * another model pack are skipped: they live in another space and would score nonsense against our queries.
 */
public final class VectorRecords implements BiFunction<String, byte[], Optional<IndexedVector>> {

    private final VectorEventCodec codec = new VectorEventCodec();
    private final String model;

    public VectorRecords(String model) {
        this.model = model;
    }

    @Override
    public Optional<IndexedVector> apply(String key, byte[] value) {
        VectorEvent event = codec.decode(value);
        if (!event.model().equals(model)) {
            return Optional.empty();
        }
        ObjectNode metadata = VectorEventCodec.document(event);
        StoredVector.take(metadata);
        return Optional.of(new IndexedVector(event.id(), event.vector(), metadata));
    }
}
