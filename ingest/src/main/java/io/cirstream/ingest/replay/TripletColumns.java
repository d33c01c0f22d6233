package io.cirstream.ingest.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of a generic triplet file (CSV with a header row, or JSON Lines) hold what, so an existing file
 * loads without being rewritten. Each role names one column, except {@code text} and {@code target}, which may
 * name several (their values are concatenated in order).
 *
 * @param columns       role → column names; roles: reference (required), text, target, id, category, split,
 *                      collection
 * @param listSeparator separates several values in one CSV cell (several texts or targets); JSON Lines use arrays
 * @param collection    only rows whose collection column equals this are read; null = every row
 */
public record TripletColumns(Map<String, List<String>> columns, String listSeparator, String collection) {
    public static final Set<String> ROLES = Set.of("reference", "text", "target", "id", "category", "split",
            "collection");
    public static final String DEFAULT_SEPARATOR = ";";

    public TripletColumns {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        ROLES.forEach(role -> merged.put(role, List.of(role)));
        if (columns != null) {
            columns.forEach((role, names) -> {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("unknown triplet column role '" + role + "'; known: "
                            + ROLES.stream().sorted().toList());
                }
                if (names.isEmpty() || (names.size() > 1 && !List.of("text", "target").contains(role))) {
                    throw new IllegalArgumentException("role '" + role + "' takes "
                            + (List.of("text", "target").contains(role) ? "one or more columns" : "one column")
                            + ", got " + names);
                }
                merged.put(role, List.copyOf(names));
            });
        }
        columns = Map.copyOf(merged);
        listSeparator = listSeparator == null || listSeparator.isEmpty() ? DEFAULT_SEPARATOR : listSeparator;
    }

    public static TripletColumns defaults() {
        return new TripletColumns(Map.of(), null, null);
    }

    /** Reads {@code role=column[,column...]} pairs as given on the command line. */
    public static TripletColumns parse(Map<String, String> mapping, String listSeparator, String collection) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        mapping.forEach((role, names) -> columns.put(role.strip(),
                List.of(names.split(",")).stream().map(String::strip).filter(n -> !n.isEmpty()).toList()));
        return new TripletColumns(columns, listSeparator, collection);
    }

    List<String> of(String role) {
        return columns.get(role);
    }
}
