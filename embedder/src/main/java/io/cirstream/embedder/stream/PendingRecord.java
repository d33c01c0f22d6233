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
public record PendingRecord(String sourceTopic, long sourceOffset, long timestamp, byte[] key, byte[] value) {
    private static final byte FORMAT = 1;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static PendingRecord fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("pending record format " + format + " is unknown to this embedder");
            }
            String topic = in.readUTF();
            long offset = in.readLong();
            long timestamp = in.readLong();
            byte[] key = in.readNBytes(in.readInt());
            byte[] value = in.readNBytes(in.readInt());
            return new PendingRecord(topic, offset, timestamp, key, value);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt pending record", e);
        }
    }
}
