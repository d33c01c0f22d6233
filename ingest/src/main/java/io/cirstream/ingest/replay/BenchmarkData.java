package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A parsed benchmark split: its gallery, its queries and what was wrong in the files. */
public record BenchmarkData(String benchmark, String split, Path source, List<GalleryImage> gallery,
                            List<BenchmarkQuery> queries, List<ParseProblem> problems) {

    public BenchmarkData {
        gallery = List.copyOf(gallery);
        queries = List.copyOf(queries);
        problems = List.copyOf(problems);
    }

    /**
     * The first {@code maxGallery} gallery images and only the queries that remain answerable with them
     * (reference and every target present), for quick runs on a large benchmark.
     */
    public BenchmarkData limited(long maxGallery) {
        if (maxGallery <= 0 || maxGallery >= gallery.size()) {
            return this;
        }
        List<GalleryImage> kept = gallery.subList(0, (int) maxGallery);
        Set<String> ids = new HashSet<>();
        kept.forEach(image -> ids.add(image.id()));
        List<BenchmarkQuery> answerable = queries.stream()
                .filter(q -> ids.contains(q.referenceId()) && ids.containsAll(q.targetIds()))
                .toList();
        return new BenchmarkData(benchmark, split, source, kept, answerable, problems);
    }
}
