package io.cirstream.eval.anchor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cirstream.eval.metric.BenchmarkProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published numbers of docs/anchors.md, loaded from a versioned JSON resource. */
public final class PublishedAnchors {

    private static final String RESOURCE = "published-anchors.json";

    private final List<PublishedAnchor> anchors;

    private PublishedAnchors(List<PublishedAnchor> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** The anchors shipped with eval. */
    public static PublishedAnchors bundled() {
        try (InputStream in = PublishedAnchors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the eval jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads an anchor file and checks every metric name against its benchmark, so a typo cannot
     * silently leave a published number out of a report.
     */
    public static PublishedAnchors parse(InputStream json) throws IOException {
        AnchorFile file = new ObjectMapper().readValue(json, AnchorFile.class);
        for (PublishedAnchor anchor : file.anchors()) {
            List<String> known = anchor.benchmark().metricNames();
            for (String metric : anchor.metrics().keySet()) {
                if (!known.contains(metric)) {
                    throw new IllegalArgumentException("published anchor " + anchor.label() + " has metric "
                            + metric + ", which " + anchor.benchmark() + " does not report " + known);
                }
            }
        }
        return new PublishedAnchors(file.anchors());
    }

    public List<PublishedAnchor> all() {
        return anchors;
    }

    public List<PublishedAnchor> forBenchmark(BenchmarkProtocol benchmark) {
        return anchors.stream().filter(anchor -> anchor.benchmark() == benchmark).toList();
    }

    record AnchorFile(String source, List<PublishedAnchor> anchors) {
    }
}
