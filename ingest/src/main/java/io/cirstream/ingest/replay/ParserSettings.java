package io.cirstream.ingest.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark-specific parsing choices.
 *
 * @param imageRoot      where image files are; null for the benchmark's usual place (see each parser)
 * @param categories     FashionIQ categories to read
 * @param imageExtension FashionIQ image file extension; null = detect (png, jpg, jpeg)
 * @param captionJoin    how FashionIQ's two captions become query texts
 * @param classMerges    PatternCom: PatternNet class → class it is merged into for positives (absent = itself)
 * @param triplets       the generic triplet format: which column holds what
 */
public record ParserSettings(Path imageRoot, List<String> categories, String imageExtension,
                             CaptionJoin captionJoin, Map<String, String> classMerges, TripletColumns triplets) {

    public static final List<String> FASHIONIQ_CATEGORIES = List.of("dress", "shirt", "toptee");

    public ParserSettings {
        categories = List.copyOf(categories);
        classMerges = Map.copyOf(classMerges);
        captionJoin = captionJoin == null ? CaptionJoin.AND_BOTH_ORDERS : captionJoin;
        triplets = triplets == null ? TripletColumns.defaults() : triplets;
    }

    public ParserSettings(Path imageRoot, List<String> categories, String imageExtension, CaptionJoin captionJoin,
                          Map<String, String> classMerges) {
        this(imageRoot, categories, imageExtension, captionJoin, classMerges, null);
    }

    public static ParserSettings defaults() {
        return new ParserSettings(null, FASHIONIQ_CATEGORIES, null, CaptionJoin.AND_BOTH_ORDERS, Map.of());
    }

    public ParserSettings withImageRoot(Path root) {
        return new ParserSettings(root, categories, imageExtension, captionJoin, classMerges, triplets);
    }
}
