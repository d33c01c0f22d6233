package io.cirstream.eval.metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered, duplicate-free list of result ids, best first.
 *
 * <p>A repeated id keeps only its first (best) position: a result listed twice must not count twice
 * towards precision, nor push a true positive further down.
 */
public final class Ranking {

    private static final Ranking EMPTY = new Ranking(List.of());

    private final List<String> ids;

    private Ranking(List<String> ids) {
        this.ids = List.copyOf(ids);
    }

    public static Ranking empty() {
        return EMPTY;
    }

    /** Keeps the caller's order (already best first), dropping repeated ids. */
    public static Ranking ofOrdered(List<String> idsBestFirst) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < idsBestFirst.size(); i++) {
            String id = idsBestFirst.get(i);
            if (id == null) {
                throw new IllegalArgumentException("ranking has a null id at position " + i);
            }
            distinct.add(id);
        }
        return new Ranking(new ArrayList<>(distinct));
    }

    /** Orders scored results by {@link ScoredId#RANK_ORDER}, dropping repeated ids. */
    public static Ranking ofScored(Collection<ScoredId> results) {
        List<ScoredId> sorted = new ArrayList<>(results);
        sorted.sort(ScoredId.RANK_ORDER);
        return ofOrdered(sorted.stream().map(ScoredId::id).toList());
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The first {@code k} ids, or all of them when the ranking is shorter. */
    public List<String> top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("cut-off must be >= 0, got " + k);
        }
        return ids.subList(0, Math.min(k, ids.size()));
    }

    public Ranking without(String id) {
        return new Ranking(ids.stream().filter(candidate -> !candidate.equals(id)).toList());
    }

    /** The same order, keeping only ids in {@code members}. */
    public Ranking restrictedTo(Set<String> members) {
        return new Ranking(ids.stream().filter(members::contains).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ranking ranking && ids.equals(ranking.ids);
    }

    @Override
    public int hashCode() {
        return ids.hashCode();
    }

    @Override
    public String toString() {
        return "Ranking" + ids;
    }
}
