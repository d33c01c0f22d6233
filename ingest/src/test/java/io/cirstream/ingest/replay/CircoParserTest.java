package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CircoParserTest {
    @TempDir
    Path root;

    @Test
    void integerIdsMatchZeroPaddedFileNames() {
        Fixtures.images(root, "COCO2017_unlabeled/unlabeled2017/000000000042.jpg",
                "COCO2017_unlabeled/unlabeled2017/000000000007.jpg", "COCO2017_unlabeled/unlabeled2017/000000000100.jpg",
                "COCO2017_unlabeled/unlabeled2017/readme.txt");
        Path val = Fixtures.json(root.resolve("annotations/val.json"), """
                [{'id': 0, 'reference_img_id': 42, 'relative_caption': 'has two dogs', 'shared_concept': 'dogs',
                  'target_img_id': 7, 'gt_img_ids': [7, 100], 'semantic_aspects': [1]},
                 {'id': 1, 'reference_img_id': '42', 'relative_caption': 'is at night', 'target_img_id': 100},
                 {'id': 2, 'reference_img_id': 99, 'relative_caption': 'x', 'gt_img_ids': [7]},
                 {'id': 3, 'reference_img_id': 42, 'relative_caption': 'y', 'gt_img_ids': [7, {'bad': 1}]}]""");

        BenchmarkData data = Benchmark.CIRCO.parser(root, ParserSettings.defaults()).parse("val",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.gallery()).extracting(GalleryImage::id)
                .containsExactly("000000000007", "000000000042", "000000000100");
        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly("0", "1");
        assertThat(data.queries().getFirst().referenceId()).isEqualTo("000000000042");
        assertThat(data.queries().getFirst().targetIds()).containsExactly("000000000007", "000000000100");
        assertThat(data.queries().get(1).targetIds()).containsExactly("000000000100");
        assertThat(data.problems()).extracting(ParseProblem::toString).containsExactly(
                val + ": index 2: reference '000000000099' is not in the split gallery",
                val + ": index 3: 'gt_img_ids'[1] should be an id (text or integer), got OBJECT");
    }
}
