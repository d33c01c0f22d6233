package io.cirstream.ingest.source;

/**
 * An entry the ingest run found but deliberately did not publish; counted and listed in the summary so nothing
 * is dropped silently. A skip is not a failure: it does not change the exit code.
 *
 * @param origin where it was found (a path or {@code image list.csv:12})
 */
public record Skipped(String origin, Reason reason, String message) {

    public enum Reason {
        /** A file or folder whose name starts with '.', as most tools treat them. */
        HIDDEN,
        /** A directory link, device, pipe or socket found in a folder walk. */
        NOT_A_REGULAR_FILE,
        /** Another entry of the same run maps to the same id; the first in sorted order wins. */
        DUPLICATE_ID
    }
}
