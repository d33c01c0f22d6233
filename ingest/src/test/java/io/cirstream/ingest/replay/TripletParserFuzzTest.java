package io.cirstream.ingest.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz of the triplet parser: random CSV and JSON Lines files (quotes, separators, empty cells, arrays,
 * numbers, broken lines, paths escaping the folder). The parse either succeeds, with every query naming images of
 * its gallery and every problem located in the file, or fails with a {@link BenchmarkFormatException}; nothing else.
 */
class TripletParserFuzzTest {
    private static final long[] SEEDS = {1, 7, 42, 1234, 99991};
    private static final int CASES_PER_SEED = 60;
    private static final String[] TOKENS = {"a", "b", "c", "d.jpg", "../x", "", " ", "\"q,uo\"", ";", "a;b",
            "[\"a\",\"b\"]", "12", "null", "é", "val", "test"};

    @TempDir
    Path root;

    @Test
    void randomTripletFilesParseOrFailCleanly() {
        Fixtures.images(root, "img/a.jpg", "img/b.png", "img/c.jpeg", "img/d.jpg");
        int tried = 0;
        int parsed = 0;
        int refused = 0;
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < CASES_PER_SEED; i++) {
                boolean json = random.nextBoolean();
                Path file = Fixtures.text(root.resolve("case-" + seed + "-" + i + (json ? ".jsonl" : ".csv")),
                        json ? jsonLines(random) : csv(random));
                ParserSettings settings = new ParserSettings(root.resolve("img"), List.of(), null, null, Map.of(),
                        null);
                tried++;
                try {
                    BenchmarkData data = Benchmark.TRIPLETS.parser(file, settings).parse("val",
                            new ProblemLog(ProblemLog.Mode.CONTINUE));
                    parsed++;
                    var ids = data.gallery().stream().map(GalleryImage::id).toList();
                    data.queries().forEach(q -> assertThat(ids).contains(q.referenceId()).containsAll(q.targetIds()));
                    data.gallery().forEach(image -> assertThat(image.file()).startsWith(root.resolve("img")));
                    data.problems().forEach(p -> assertThat(p.file()).isEqualTo(file));
                } catch (BenchmarkFormatException e) {
                    refused++;
                    assertThat(e.getMessage()).contains(file.getFileName().toString());
                }
            }
        }
        System.out.printf("triplet fuzz: %d files tried, %d parsed, %d refused as a whole%n", tried, parsed, refused);
        assertThat(tried).isEqualTo(SEEDS.length * CASES_PER_SEED);
    }

    private static String csv(SplittableRandom random) {
        StringBuilder out = new StringBuilder("id,reference,text,target,split\n");
        int rows = random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            int cells = 1 + random.nextInt(6);
            for (int c = 0; c < cells; c++) {
                out.append(c == 0 ? "" : ",").append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String jsonLines(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        String[] keys = {"id", "reference", "text", "target", "split", "category"};
        int rows = random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(10) == 0) {
                out.append("{broken\n");
                continue;
            }
            out.append('{');
            int fields = random.nextInt(keys.length + 1);
            for (int f = 0; f < fields; f++) {
                String token = TOKENS[random.nextInt(TOKENS.length)];
                String value = token.startsWith("[") || token.equals("12") || token.equals("null") ? token
                        : "\"" + token.replace("\"", "\\\"") + "\"";
                out.append(f == 0 ? "" : ",").append('"').append(keys[random.nextInt(keys.length)]).append("\":")
                        .append(value);
            }
            out.append("}\n");
        }
        return out.toString();
    }
}
