package io.cirstream.embedder.stream;

import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ImageEncoder;
import io.cirstream.imaging.ImageLimits;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** The embedder topology in a {@link TopologyTestDriver} with a fixed wall clock, for the robustness tests. */
final class TopologyHarness implements AutoCloseable {
    static final Topics TOPICS = Topics.defaults();
    /** The driver's wall clock at the start: output timestamps must never exceed it. */
    static final long NOW = 1_700_000_000_000L;

    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> gallery;
    final TestOutputTopic<byte[], byte[]> vectors;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    TopologyHarness(ImageLoader loader, ImageEncoder encoder, String modelId, BatchPolicy policy) {
        var topology = EmbedderTopology.build(TOPICS, loader, encoder, modelId, policy, new EmbedderMetrics());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedder-robustness-test");
        // Its own state dir: a test that ends in an exception must not leave the RocksDB lock to the next one.
        props.put(StreamsConfig.STATE_DIR_CONFIG, TopologyStateDirs.fresh());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(NOW));
        var bytes = new ByteArraySerializer();
        gallery = driver.createInputTopic(TOPICS.gallery(), bytes, bytes);
        var out = new ByteArrayDeserializer();
        vectors = driver.createOutputTopic(TOPICS.vectors(), out, out);
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), out, out);
    }

    static ImageLoader loader(Path root, ImageLimits limits, ImageLoader.PixelDecoder decoder) {
        return new ImageLoader(new ImageSource(List.of(root), limits.maxBytes()), limits, decoder);
    }

    @Override
    public void close() {
        driver.close();
    }
}
