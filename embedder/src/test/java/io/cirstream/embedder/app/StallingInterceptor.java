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
 * {@code n}-th vector record it writes a marker file and blocks for good. The send is called from the stream thread
 * inside a batch flush, after the flush's changelog writes, so at that point the thread's transaction is open on
 * the broker and no further commit can happen: what is committed is frozen until the test kills the JVM.
 * Configured through the pass-through client settings ({@code kafka.client.producer.*}, see {@link #settings}).
 */
public final class StallingInterceptor implements ProducerInterceptor<byte[], byte[]> {
    private static final String TOPIC = "cirstream.test.stall.topic";
    private static final String AT = "cirstream.test.stall.at";
    private static final String MARKER = "cirstream.test.stall.marker";

    private String topic;
    private long at;
    private Path marker;
    private long sent;

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
        if (record.topic().equals(topic) && ++sent == at) {
            writeMarker(new String(record.key(), StandardCharsets.UTF_8));
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
