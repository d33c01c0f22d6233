package io.cirstream.ingest.csv;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of a CSV file's header row, for the readers that map each row by column name (image lists, triplet
 * benchmarks). A column named twice would leave each row with only its last value, silently: of two {@code id}
 * columns, the first would be dropped on every row.
 */
public final class CsvHeader {

    private CsvHeader() {
    }

    /** The first column whose name (stripped, case aside) an earlier column already has; empty when none. */
    public static Optional<String> repeatedColumn(CsvSchema header) {
        Set<String> seen = new HashSet<>();
        for (CsvSchema.Column column : header) {
            String name = column.getName().strip();
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
