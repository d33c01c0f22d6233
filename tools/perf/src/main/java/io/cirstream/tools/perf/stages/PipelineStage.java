package io.cirstream.tools.perf.stages;

import java.util.List;

/**
 * The stages of the embedder pipeline as issue 16 names them, each recognised by frames that only its work puts on a
 * stack. {@link StageAttribution} gives a stack to the first stage, in this order, with a frame matching one of its
 * markers, so the more specific stages come first (the indexer's JSON is bulk indexing, not event parsing).
 */
public enum PipelineStage {
    /** The perf run's own threads (publishing, polling {@code _count}); shown, never counted as pipeline cost. */
    HARNESS("benchmark harness (not pipeline)", List.of("io/cirstream/tools/perf", "[bench-sender")),
    ENCODE("encode (ONNX Runtime)", List.of("onnxruntime", "ai/onnxruntime", "Mlas")),
    PREPROCESS("preprocess (resize, crop, normalise)", List.of("io/cirstream/model/preprocess")),
    DECODE("decode (PNG/JPEG to pixels)", List.of("javax/imageio", "com/sun/imageio", "com/twelvemonkeys",
            "io/cirstream/imaging", "java/util/zip/Inflater", "inflate")),
    BULK_INDEX("bulk index (client side)", List.of("io/cirstream/indexer", "io/cirstream/opensearch",
            "jdk/internal/net/http", "java/net/http", "org/apache/hc/")),
    PRODUCE("produce + commit (vectors out, EOS)", List.of("io/cirstream/contract/vector",
            "org/apache/kafka/clients/producer", "[kafka-producer-network-thread", "RecordCollector",
            "commitTransaction", "TaskExecutor.commit", "TaskManager.commit")),
    STATE("pending store (RocksDB + changelog)", List.of("org/rocksdb", "org/apache/kafka/streams/state", "rocksdb::")),
    PARSE("parse (JSON, base64)", List.of("com/fasterxml/jackson", "java/util/Base64", "io/cirstream/contract/event",
            "io/cirstream/embedder/check")),
    READ("read (Kafka fetch, records)", List.of("org/apache/kafka/clients/consumer", "org/apache/kafka/common/record")),
    STREAMS("Kafka Streams runtime (other)", List.of("org/apache/kafka")),
    /** Falls as the service runs on; in a short perf run it is mostly the stream path's first compilation. */
    JIT("JVM: JIT compilation", List.of("[C2 CompilerThre", "[C1 CompilerThre", "CompileBroker")),
    GC("JVM: garbage collection", List.of("[GC Thread", "[G1 ", "GCTaskThread", "[VM Thread", "SafepointSynchronize")),
    OTHER("other", List.of());

    private final String label;
    private final List<String> markers;

    PipelineStage(String label, List<String> markers) {
        this.label = label;
        this.markers = markers;
    }

    public String label() {
        return label;
    }

    boolean matches(String stack) {
        for (String marker : markers) {
            if (stack.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
