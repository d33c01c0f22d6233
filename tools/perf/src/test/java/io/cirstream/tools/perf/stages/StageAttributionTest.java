package io.cirstream.tools.perf.stages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageAttributionTest {
    private static final String STREAM = "[bench-1a2b-StreamThread-1 tid=7];java/lang/Thread.run;";

    @Test
    void givesEachStackToTheFirstStageWhoseFramesItCarries() {
        assertEquals(PipelineStage.ENCODE, StageAttribution.stageOf(STREAM
                + "io/cirstream/model/OnnxImageEncoder.encodeBatch;ai/onnxruntime/OrtSession.run;libonnxruntime.so"));
        assertEquals(PipelineStage.PREPROCESS, StageAttribution.stageOf(STREAM
                + "io/cirstream/model/OnnxImageEncoder.pixels;io/cirstream/model/preprocess/BicubicResampler.pass"));
        assertEquals(PipelineStage.DECODE, StageAttribution.stageOf(STREAM
                + "io/cirstream/imaging/ImageDecoder.decode;java/util/zip/Inflater.inflate"));
        // The indexer's JSON is bulk indexing, not event parsing.
        assertEquals(PipelineStage.BULK_INDEX, StageAttribution.stageOf("[embedder-indexer tid=9];"
                + "io/cirstream/indexer/BulkWriter.write;com/fasterxml/jackson/core/JsonGenerator.writeString"));
        assertEquals(PipelineStage.PARSE, StageAttribution.stageOf(STREAM
                + "io/cirstream/contract/event/GalleryEventCodec.image;java/util/Base64$Decoder.decode"));
        assertEquals(PipelineStage.PRODUCE, StageAttribution.stageOf(
                "[kafka-producer-network-thread | x tid=3];sun/nio/ch/SocketDispatcher.write"));
        assertEquals(PipelineStage.JIT, StageAttribution.stageOf("[C2 CompilerThre tid=2];C2Compiler::compile_method"));
        assertEquals(PipelineStage.GC, StageAttribution.stageOf("[GC Thread#0 tid=4];G1ParEvacuateFollowersClosure::do_void"));
        // A stream thread is not the harness although its application id starts with "bench-".
        assertEquals(PipelineStage.OTHER, StageAttribution.stageOf(STREAM + "java/util/ArrayList.add"));
        assertEquals(PipelineStage.HARNESS, StageAttribution.stageOf("[main tid=1];io/cirstream/tools/perf/EmbedderPerf.run"));
    }

    @Test
    void turnsSamplesIntoCpuMicrosecondsPerImageLeavingTheHarnessOut() {
        CpuProfiler.Samples samples = new CpuProfiler.Samples(Map.of(
                STREAM + "io/cirstream/model/preprocess/BicubicResampler.pass", 300L,
                STREAM + "ai/onnxruntime/OrtSession.run", 100L,
                "[main tid=1];io/cirstream/tools/perf/EmbedderPerf.run", 50L,
                "[C2 CompilerThre tid=2];C2Compiler::compile_method", 100L), Duration.ofMillis(550));
        StageAttribution stages = StageAttribution.of(samples);

        assertEquals(1_500.0, stages.microsPerImage(PipelineStage.PREPROCESS, 200), 1e-9);
        assertEquals(500.0, stages.microsPerImage(PipelineStage.ENCODE, 200), 1e-9);
        assertEquals(2_500.0, stages.pipelineMicrosPerImage(200), 1e-9);
        String table = stages.table(200);
        assertTrue(table.contains("| preprocess (resize, crop, normalise) | 300 | 1500 | 60.0% |"), table);
        assertTrue(table.contains("| **embedder process, total** | 500 | **2500** | 100% |"), table);
        assertTrue(table.contains("| **embedder process, without JIT compilation** | 400 | **2000** | 80.0% |"), table);
    }

    @Test
    void aSampleIsWorthItsShareOfTheProcessCpuTheOsCounted() {
        // A 250 Hz kernel fires a 1 ms CPU timer at most once per tick: 100 samples for 500 ms of CPU.
        CpuProfiler.Samples samples = new CpuProfiler.Samples(Map.of(
                STREAM + "ai/onnxruntime/OrtSession.run", 60L,
                STREAM + "io/cirstream/imaging/ImageDecoder.decode;java/util/zip/Inflater.inflate", 40L),
                Duration.ofMillis(500));
        StageAttribution stages = StageAttribution.of(samples);

        assertEquals(5_000.0, samples.microsPerSample(), 1e-9);
        assertEquals(3_000.0, stages.microsPerImage(PipelineStage.ENCODE, 100), 1e-9);
        assertEquals(5_000.0, stages.pipelineMicrosPerImage(100), 1e-9);
        assertEquals(0.0, new CpuProfiler.Samples(Map.of(), Duration.ofMillis(500)).microsPerSample());
    }
}
