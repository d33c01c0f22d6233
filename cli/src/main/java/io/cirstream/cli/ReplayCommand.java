package io.cirstream.cli;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.CaptionJoin;
import io.cirstream.ingest.replay.ParserSettings;
import io.cirstream.ingest.replay.ProblemBound;
import io.cirstream.ingest.replay.ProblemLog;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.ingest.replay.TripletColumns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cirstream replay BENCHMARK --data DIR}: a benchmark's gallery, queries and receipt into Kafka. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a benchmark (cirr, fashioniq, circo, patterncom, patterncir, synthetic, triplets) into "
                + "Kafka topics. Exits non-zero, publishing no receipt, when it finds no gallery image or more "
                + "problems than --max-problems; every problem is written to a file whose path is printed.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption config;

    @Parameters(index = "0", description = "cirr, fashioniq, circo, patterncom, patterncir, synthetic or triplets")
    String benchmark;

    @Option(names = "--data", required = true, description = "the benchmark's folder (annotation files and images); "
            + "for triplets, the .csv/.jsonl file or a folder holding triplets.csv or triplets.jsonl")
    Path data;

    @Option(names = "--split", description = "split to replay (default: ${DEFAULT-VALUE})")
    String split = "val";

    @Option(names = "--rate", description = "gallery events per second, e.g. 200 or 200/s (default: as fast as possible)")
    String rate = "0";

    @Option(names = "--limit", description = "replay at most N gallery images and the queries they answer (0 = all)")
    long limit;

    @Option(names = "--on-problem", description = "continue or stop at the first malformed entry / missing image (default: ${DEFAULT-VALUE})")
    ProblemLog.Mode onProblem = ProblemLog.Mode.CONTINUE;

    @Option(names = "--verify-decode", description = "fully decode every image before sending, not just its header")
    boolean verifyDecode;

    @Option(names = "--max-problems", description = "fail (no receipt) above this many problems: a count such as "
            + "100 or a share of the entries read such as 5%% (default: ${DEFAULT-VALUE})")
    String maxProblems = ProblemBound.DEFAULT.toString();

    @Option(names = "--problems-dir", description = "where the file listing every problem goes "
            + "(default: <tmp>/cirstream-replay)")
    Path problemsDir;

    @Option(names = "--images", description = "image folder, when not the benchmark's usual place: CIRR/PatternCIR "
            + "split-file paths resolve against it (default --data), FashionIQ <ASIN>.<ext> files (default "
            + "DATA/images), CIRCO's COCO unlabeled2017 folder (default DATA/COCO2017_unlabeled/unlabeled2017), "
            + "PatternNet (default DATA/PatternNet/images)")
    Path images;

    @Option(names = "--categories", split = ",", description = "FashionIQ categories to replay (default: dress,shirt,toptee)")
    List<String> categories = ParserSettings.FASHIONIQ_CATEGORIES;

    @Option(names = "--image-extension", description = "FashionIQ image extension, e.g. jpg or png (default: the first "
            + "of png, jpg, jpeg that exists)")
    String imageExtension;

    @Option(names = "--caption-join", description = "how FashionIQ's two captions become query texts: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}; eval sends the first text)")
    CaptionJoin captionJoin = CaptionJoin.AND_BOTH_ORDERS;

    @Option(names = "--class-merge", description = "PatternCom: a PatternNet class counted as another for positives, "
            + "CLASS=INTO; repeat for each")
    Map<String, String> classMerges = new LinkedHashMap<>();

    @Option(names = "--column", description = "triplets: which column holds a role, ROLE=COLUMN[,COLUMN...]; roles "
            + "reference, text, target (several columns allowed), id, category, split, collection; each defaults to "
            + "the column named like the role; repeat for each")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--list-separator", description = "triplets: separates several texts or targets in one CSV cell "
            + "(default: ${DEFAULT-VALUE})")
    String listSeparator = TripletColumns.DEFAULT_SEPARATOR;

    @Option(names = "--collection", description = "triplets: only the rows whose collection column is this "
            + "(rows without one are always read)")
    String tripletCollection;

    @Override
    public Integer call() {
        Settings settings = config.load();
        KafkaConfig kafka = KafkaConfig.from(settings);
        ParserSettings parser = new ParserSettings(images, categories, imageExtension, captionJoin, classMerges,
                TripletColumns.parse(columns, listSeparator, tripletCollection));
        ReplayOptions options = new ReplayOptions(Benchmark.fromId(benchmark), data, split, parser, onProblem, limit,
                parseRate(rate), verifyDecode, null, kafka, Topics.from(settings), ProblemBound.parse(maxProblems),
                problemsDir);
        return Replayer.run(options, System.err).exitCode();
    }

    static double parseRate(String text) {
        String number = text.strip().replaceFirst("(?i)/s$", "");
        try {
            double value = Double.parseDouble(number);
            if (value < 0 || Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be a number of events per second such as 200 or 200/s, got '" + text + "'");
        }
    }
}
