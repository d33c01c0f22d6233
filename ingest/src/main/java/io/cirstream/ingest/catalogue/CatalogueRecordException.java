package io.cirstream.ingest.catalogue;

/** A catalogue record the mapping cannot turn into gallery events; it goes to the dead-letter topic with this reason. */
public final class CatalogueRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogueRecordException(String reason) {
        super(reason);
    }
}
