package io.cirstream.eval.live;

import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.MethodResult;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.model.composition.Slerp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The checks every live report of a synthetic benchmark must pass against {@link BruteForceRecall}. */
public final class BruteForceCheck {

    private BruteForceCheck() {
    }

    /**
     * Recall@1/5/10/50 of image, text, sum and slerp within three queries' worth of the brute-force numbers
     * (HNSW may swap a near-tie at a cut-off; a different composition moves far more), ANN@10 of at least
     * 99, both composed methods above both single modalities at R@10, and weicom scored on every query with an
     * ANN@10 of at least 99 against eval's independent WeiCom ({@link ExactWeiCom}).
     */
    public static void assertMatches(EvalReport report, SyntheticBench bench) {
        int queries = bench.queries.size();
        double tolerance = 100.0 * 3 / queries;
        assertThat(report.generatedModel()).isTrue();
        assertThat(report.gallerySize()).isEqualTo(bench.images.size());
        double alpha = Slerp.defaultAlpha("synthetic");
        for (String method : List.of("image", "text", "sum", "slerp")) {
            MethodResult result = report.methods().get(method);
            assertThat(result.scoredQueries()).isEqualTo(queries);
            for (int k : List.of(1, 5, 10, 50)) {
                assertThat(result.metrics().get(MetricNames.recall(k))).as("%s R@%d", method, k)
                        .isCloseTo(BruteForceRecall.recallAt(bench, method, alpha, k), within(tolerance));
            }
            assertThat(result.systemMetrics().get(MetricNames.annRecall(10))).as("%s ANN@10", method)
                    .isGreaterThanOrEqualTo(99.0);
        }
        for (String composed : List.of("sum", "slerp")) {
            for (String single : List.of("image", "text")) {
                assertThat(r10(report, composed)).as("%s beats %s", composed, single).isGreaterThan(r10(report, single));
            }
        }
        MethodResult weicom = report.methods().get("weicom");
        assertThat(weicom.scoredQueries()).isEqualTo(queries);
        // Against ExactWeiCom: eval's own WeiCom over exact candidate lists, not the API's code.
        assertThat(weicom.systemMetrics().get(MetricNames.annRecall(10))).as("weicom ANN@10 against eval's own WeiCom")
                .isGreaterThanOrEqualTo(99.0);
    }

    private static double r10(EvalReport report, String method) {
        return report.methods().get(method).metrics().get(MetricNames.recall(10));
    }
}
