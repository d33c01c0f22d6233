package io.cirstream.contract.event;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON encoding of one event type. Decoding throws {@link MalformedEventException} naming the field at fault.
 * The Kafka {@link Serde} maps a null value to null both ways, so tombstones pass through untouched.
 */
public interface EventCodec<T> {

    byte[] encode(T event);

    T decode(byte[] json);

    default Serde<T> serde() {
        Serializer<T> serializer = (topic, event) -> event == null ? null : encode(event);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
