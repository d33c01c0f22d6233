package io.cirstream.embedder.app;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A producer interceptor for an embedder child JVM that stops its stream thread at a known point: on the send of the
 * first vector record from the {@code n}-th on that follows another vector of the same batch flush, it writes a marker
 * file (the record's number, a tab, its key) and blocks for good. The flush's earlier vector is then already in the
 * thread's transaction, so the transaction is open on the broker, and no further commit can happen: what is committed
 * is frozen until the test kills the JVM. (Stalling on exactly the {@code n}-th vector failed now and then: the pending
 * store is cached until commit, so a flush writes no changelog record before its vectors, and a vector that was the
 * first record of its transaction stalled before the broker knew of the transaction.) "The same flush": under 1 ms
 * after the previous vector; a commit between two sends (producer flush, offsets, end of transaction) takes longer.
 * Configured through the pass-through client settings ({@code kafka.client.producer.*}, see {@link #settings}).
 */
public final class StallingInterceptor implements ProducerInterceptor<byte[], byte[]> {
    private static final String TOPIC = "cirstream.test.stall.topic";
    private static final String AT = "cirstream.test.stall.at";
    private static final String MARKER = "cirstream.test.stall.marker";
    /** Two vector sends closer than this belong to one batch flush (see the class comment). */
    private static final long SAME_FLUSH_NANOS = 1_000_000;

    private String topic;
    private long at;
    private Path marker;
    private long sent;
    private long lastVectorNanos = Long.MIN_VALUE / 2;

    /** The embedder settings that install it on the stream's producer: stall on the {@code at}-th record to topic. */
    static Map<String, String> settings(String topic, long at, Path marker) {
        String prefix = "kafka.client.producer.";
        Map<String, String> settings = new HashMap<>();
        settings.put(prefix + "interceptor.classes", StallingInterceptor.class.getName());
        settings.put(prefix + TOPIC, topic);
        settings.put(prefix + AT, Long.toString(at));
        settings.put(prefix + MARKER, marker.toString());
        return settings;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(TOPIC));
        at = Long.parseLong(String.valueOf(configs.get(AT)));
        marker = Path.of(String.valueOf(configs.get(MARKER)));
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        if (!record.topic().equals(topic)) {
            return record;
        }
        long now = System.nanoTime();
        boolean sameFlush = now - lastVectorNanos < SAME_FLUSH_NANOS;
        lastVectorNanos = now;
        if (++sent >= at && sameFlush) {
            writeMarker(sent + "\t" + new String(record.key(), StandardCharsets.UTF_8));
            // Never returns: the test SIGKILLs the JVM. Interrupts (a clean close) are ignored on purpose.
            while (true) {
                LockSupport.park(this);
            }
        }
        return record;
    }

    private void writeMarker(String key) {
        try {
            Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(temp, key);
            Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
