package io.cirstream.embedder.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A gallery record waiting in the micro-batch store: the original key and value (re-checked and decoded at flush,
 * and what a dead letter carries) plus where it came from. Stored in a changelogged store, so it survives a crash.
 */
public record PendingRecord(String sourceTopic, long sourceOffset, long timestamp, byte[] key, byte[] value,
                            long eventTime) {
    /** Format 1 had no event time; 2 keeps it, so replacing a buffered upsert does not parse its JSON again. */
    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
    /** The event time of a record stored in format 1: parse the value to learn it. */
    public static final long UNKNOWN_EVENT_TIME = Long.MIN_VALUE;

    public PendingRecord(String sourceTopic, long sourceOffset, long timestamp, byte[] key, byte[] value) {
        this(sourceTopic, sourceOffset, timestamp, key, value, UNKNOWN_EVENT_TIME);
    }

    public static Serde<PendingRecord> serde() {
        return Serdes.serdeFrom((topic, r) -> r == null ? null : r.toBytes(),
                (topic, bytes) -> bytes == null ? null : fromBytes(bytes));
    }

    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(value.length + key.length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            out.writeUTF(sourceTopic);
            out.writeLong(sourceOffset);
            out.writeLong(timestamp);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(value.length);
            out.write(value);
            out.writeLong(eventTime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static PendingRecord fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_1) {
                throw new IllegalStateException("pending record format " + format + " is unknown to this embedder");
            }
            String topic = in.readUTF();
            long offset = in.readLong();
            long timestamp = in.readLong();
            byte[] key = in.readNBytes(in.readInt());
            byte[] value = in.readNBytes(in.readInt());
            long eventTime = format == FORMAT_1 ? UNKNOWN_EVENT_TIME : in.readLong();
            return new PendingRecord(topic, offset, timestamp, key, value, eventTime);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt pending record", e);
        }
    }
}
