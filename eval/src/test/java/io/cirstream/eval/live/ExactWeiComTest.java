package io.cirstream.eval.live;

import io.cirstream.eval.metric.ExactSearch;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.model.composition.WeiCom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** eval's own WeiCom against a hand-computed case and against the query API's implementation. */
class ExactWeiComTest {

    /**
     * Three candidates, λ = 0.5. Image similarities 0.9, 0.5, 0.1: mean 0.5, population sd √(0.32/3) = 0.326599,
     * z = 1.224745, 0, −1.224745. Text similarities 0.2, 0.2, 0.8: mean 0.4, sd √(0.24/3) = 0.282843,
     * z = −0.707107, −0.707107, 1.414214. Φ(1.224745) = 0.889664, Φ(−0.707107) = 0.239750, Φ(1.414214) = 0.921350
     * (from a double-precision erf), so a = 0.5·0.889664 + 0.5·0.239750 = 0.564707,
     * b = 0.5·0.5 + 0.5·0.239750 = 0.369875, c = 0.5·0.110336 + 0.5·0.921350 = 0.515843.
     */
    @Test
    void aSmallCaseMatchesTheFormulaWorkedByHand() {
        List<ScoredId> ranked = ExactWeiCom.fuse(List.of("a", "b", "c"), new double[] {0.9, 0.5, 0.1},
                new double[] {0.2, 0.2, 0.8}, 0.5);
        assertThat(ranked).extracting(ScoredId::id).containsExactly("a", "c", "b");
        assertThat(ranked.get(0).score()).isCloseTo(0.564707, within(1e-6));
        assertThat(ranked.get(1).score()).isCloseTo(0.515843, within(1e-6));
        assertThat(ranked.get(2).score()).isCloseTo(0.369875, within(1e-6));
    }

    @Test
    void theNormalCdfMatchesTabledValues() {
        assertThat(ExactWeiCom.normalCdf(0)).isCloseTo(0.5, within(1e-9));
        assertThat(ExactWeiCom.normalCdf(1)).isCloseTo(0.8413447461, within(3e-7));
        assertThat(ExactWeiCom.normalCdf(-1.959963985)).isCloseTo(0.025, within(3e-7));
        assertThat(ExactWeiCom.normalCdf(3)).isCloseTo(0.9986501020, within(3e-7));
    }

    /** Equal scores (no spread in either list) fall back to id order, as the API's tie rule. */
    @Test
    void candidatesWithoutSpreadTieAndRankById() {
        List<ScoredId> ranked = ExactWeiCom.fuse(List.of("c", "a", "b"), new double[] {0.4, 0.4, 0.4},
                new double[] {0.7, 0.7, 0.7}, 0.3);
        assertThat(ranked).extracting(ScoredId::id).containsExactly("a", "b", "c");
        // Not necessarily 0.5: the mean of three 0.4s is 0.4000000000000001 in double, so the "spread" is rounding
        // noise and the z-scores need not be 0; they are equal, which is what the ranking depends on.
        assertThat(ranked).extracting(ScoredId::score).containsOnly(ranked.getFirst().score());
    }

    /** Seeded random candidate sets and weights: same order and scores within 1e-6 as the query API's WeiCom. */
    @Test
    void agreesWithTheQueryApiOnSeededRandomCandidates() {
        int cases = 0;
        int compared = 0;
        for (long seed : new long[] {1, 7, 42, 1_000_003, 20_240_611}) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int round = 0; round < 40; round++) {
                int size = 1 + random.nextInt(300);
                double lambda = random.nextDouble();
                List<String> ids = new ArrayList<>(size);
                double[] image = new double[size];
                double[] text = new double[size];
                List<WeiCom.Candidate> candidates = new ArrayList<>(size);
                for (int n = 0; n < size; n++) {
                    ids.add("id-" + random.nextInt(1_000_000) + "-" + n);
                    // Coarse values make exact ties common, so the tie rule is exercised too.
                    image[n] = random.nextInt(4) == 0 ? 0.25 : random.nextDouble(-1, 1);
                    text[n] = random.nextInt(4) == 0 ? 0.5 : random.nextDouble(-1, 1);
                    candidates.add(new WeiCom.Candidate(ids.get(n), image[n], text[n]));
                }
                List<ScoredId> ours = ExactWeiCom.fuse(ids, image, text, lambda);
                List<WeiCom.Fused> api = WeiCom.rank(candidates, lambda);
                assertThat(ours).hasSameSizeAs(api);
                for (int n = 0; n < size; n++) {
                    String where = "seed " + seed + " round " + round + " rank " + n;
                    assertThat(ours.get(n).score()).as(where).isCloseTo(api.get(n).score(), within(1e-6));
                    // Near-ties may be ordered differently by two approximations of Φ; the scores at each rank agree.
                    if (Math.abs(api.get(n).score() - (n + 1 < size ? api.get(n + 1).score() : -1)) > 1e-6
                            && (n == 0 || Math.abs(api.get(n).score() - api.get(n - 1).score()) > 1e-6)) {
                        assertThat(ours.get(n).id()).as(where).isEqualTo(api.get(n).candidate().id());
                    }
                    compared++;
                }
                cases++;
            }
        }
        System.out.printf("ExactWeiCom vs query API WeiCom: %d seeded candidate sets, %d ranked scores compared, "
                + "no disagreement above 1e-6%n", cases, compared);
    }

    /** The candidate set is the union of the exact top lists by image and by text; the rest are not ranked. */
    @Test
    void ranksTheUnionOfTheTwoExactTopLists() {
        Map<String, float[]> gallery = Map.of("x", new float[] {1, 0, 0}, "y", new float[] {0, 1, 0},
                "z", new float[] {0, 0, 1}, "w", new float[] {0.7f, 0.7f, 0});
        List<String> ids = List.of("w", "x", "y", "z");
        ExactSearch search = ExactSearch.of(ids, ids.stream().map(gallery::get).toList(),
                ExactSearch.Similarity.COSINE);
        List<ScoredId> ranked = ExactWeiCom.rank(search, gallery::get, new float[] {1, 0, 0}, new float[] {0, 1, 0},
                1, 0.5);
        assertThat(ranked).extracting(ScoredId::id).containsExactly("x", "y");
    }
}
