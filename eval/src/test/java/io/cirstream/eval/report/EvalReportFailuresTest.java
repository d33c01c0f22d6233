package io.cirstream.eval.report;

import io.cirstream.eval.metric.EvalReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./cirstream eval} reads to decide its exit status and to say what failed. */
class EvalReportFailuresTest {

    @Test
    void failedQueriesAreCountedWithTheirReasons() {
        EvalReport failed = ReportFixtures.cirrRun("run-1", 3);
        assertThat(failed.failedQueries()).isEqualTo(3);
        assertThat(failed.failureSummary()).singleElement().asString()
                .contains("text: 3 of 10 queries failed").contains("400 bad_request");

        EvalReport clean = ReportFixtures.cirrRun("run-2", 0);
        assertThat(clean.failedQueries()).isZero();
        assertThat(clean.failureSummary()).isEmpty();
    }
}
