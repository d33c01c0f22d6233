package io.cirstream.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cirstream.eval.anchor.PublishedAnchor;
import io.cirstream.eval.metric.EvalReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable report: caveats, our results, and the published rows they sit beside.
 *
 * @param notices    caveats, the generated-model one first when it applies
 * @param metricUnit the unit of every metric value ({@value #PERCENT})
 * @param results    our numbers
 * @param published  published numbers for the same benchmark
 */
public record JsonReport(List<String> notices, String metricUnit, EvalReport results,
                         List<PublishedAnchor> published) {

    public static final String PERCENT = "percent";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static JsonReport of(EvalReport report, List<PublishedAnchor> published) {
        return new JsonReport(ReportNotices.of(report), PERCENT, report, published);
    }

    public static JsonReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), JsonReport.class);
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }
}
