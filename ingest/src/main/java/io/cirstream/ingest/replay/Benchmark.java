package io.cirstream.ingest.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The benchmarks a replay can read, by the name used on the command line and in collection names. */
public enum Benchmark {
    CIRR, FASHIONIQ, CIRCO, PATTERNCOM, PATTERNCIR,
    /** The synthetic CIR world generator's output, in CIRR rc2 layout. */
    SYNTHETIC,
    /** Your own benchmark in the generic triplet format (CSV or JSON Lines, see {@link TripletParser}). */
    TRIPLETS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Benchmark fromId(String id) {
        return Arrays.stream(values()).filter(b -> b.id().equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown benchmark '" + id + "' (known: "
                        + Arrays.stream(values()).map(Benchmark::id).toList() + ")"));
    }

    public BenchmarkParser parser(Path root, ParserSettings settings) {
        return switch (this) {
            case CIRR, PATTERNCIR, SYNTHETIC -> new CirrParser(id(), root, settings.imageRoot());
            case FASHIONIQ -> new FashionIqParser(root, settings);
            case CIRCO -> new CircoParser(root, settings.imageRoot());
            case PATTERNCOM -> new PatternComParser(root, settings);
            case TRIPLETS -> new TripletParser(root, settings);
        };
    }
}
