package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

    private static QueryOutcome fiq(String category, boolean hitAtOne) {
        List<String> ids = hitAtOne ? List.of("t") : List.of("x");
        return QueryOutcome.of(category + ids, "ref", List.of("t"), Ranking.ofOrdered(ids)).inCategory(category);
    }

    @Test
    void fashionIqAveragesCategoryMeansNotQueries() {
        List<QueryOutcome> queries = new ArrayList<>();
        queries.add(fiq("dress", true));
        queries.add(fiq("dress", false));
        queries.add(fiq("shirt", true));
        queries.add(fiq("toptee", true));
        for (int i = 0; i < 3; i++) {
            queries.add(fiq("toptee", false));
        }

        MetricSummary summary = MetricAggregator.aggregate(BenchmarkProtocol.FASHIONIQ, queries);

        // dress 50 %, shirt 100 %, toptee 25 %; the query-level mean would be 4/7 = 57.1 %
        assertThat(summary.metrics().get("R@10")).isCloseTo((50.0 + 100.0 + 25.0) / 3, within(1e-9));
        assertThat(summary.metrics()).containsEntry("dress/R@10", 50.0).containsEntry("toptee/R@50", 25.0);
        assertThat(summary.metrics().keySet()).startsWith("R@10", "R@50");
        assertThat(summary.scoredQueries()).isEqualTo(7);
    }

    @Test
    void cirrMeansOverQueriesAndSkipsUnlabelled() {
        QueryOutcome hit = QueryOutcome.of("1", "ref", List.of("t"), Ranking.ofOrdered(List.of("ref", "t")))
                .withSubset(Set.of("ref", "t", "a"), Ranking.empty());
        QueryOutcome miss = QueryOutcome.of("2", "ref", List.of("t"), Ranking.ofOrdered(List.of("a", "b")));
        QueryOutcome hidden = QueryOutcome.of("3", "ref", List.of(), Ranking.ofOrdered(List.of("a")));

        MetricSummary summary = MetricAggregator.aggregate(BenchmarkProtocol.CIRR, List.of(hit, miss, hidden));

        assertThat(summary.metrics()).containsEntry("R@1", 50.0);
        // only the first query has an img_set, so the subset mean is over that one query
        assertThat(summary.metrics()).containsEntry("Rsubset@1", 100.0);
        assertThat(summary.scoredQueries()).isEqualTo(2);
        assertThat(summary.skippedQueries()).isEqualTo(1);
    }

    @Test
    void noQueriesGiveNoMetrics() {
        MetricSummary summary = MetricAggregator.aggregate(BenchmarkProtocol.CIRCO, List.of());

        assertThat(summary.metrics()).isEmpty();
        assertThat(summary.scoredQueries()).isZero();
    }
}
