package io.cirstream.ingest.replay;

import java.util.List;
import java.util.Objects;

/**
 * How FashionIQ's two captions become query texts. A query with several texts means: encode each, L2-normalise,
 * average, renormalise. Captions are trimmed of {@code . ? ,} and spaces at both ends; empty ones are dropped.
 */
public enum CaptionJoin {
    /** The captions as given, one text each (no trimming). */
    RAW,
    /** One text: {@code "c1 and c2"}. */
    AND,
    /** The common zero-shot recipe: {@code "c1 and c2"} and {@code "c2 and c1"}. */
    AND_BOTH_ORDERS;

    public List<String> join(List<String> captions) {
        if (this == RAW) {
            return List.copyOf(captions);
        }
        List<String> kept = captions.stream().filter(Objects::nonNull).map(CaptionJoin::trim)
                .filter(c -> !c.isEmpty()).toList();
        if (kept.size() < 2) {
            return kept;
        }
        String forward = String.join(" and ", kept);
        if (this == AND) {
            return List.of(forward);
        }
        String backward = String.join(" and ", kept.reversed());
        return forward.equals(backward) ? List.of(forward) : List.of(forward, backward);
    }

    static String trim(String caption) {
        return caption.replaceAll("^[.?, \\t\\n]+|[.?, \\t\\n]+$", "");
    }
}
