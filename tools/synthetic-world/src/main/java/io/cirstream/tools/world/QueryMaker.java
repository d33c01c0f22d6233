package io.cirstream.tools.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Draws queries: a reference tile, one or two attributes to change (a third of queries change two, which
 * is harder: the target then shares only one attribute with the reference), and a target among the tiles
 * that have the resulting attributes. The subset members are the target's closest look-alikes.
 */
final class QueryMaker {

    private static final int MEMBERS = 6;
    private static final int MAX_TRIES = 1000;
    /** Caps target_soft: in a million-tile world thousands of tiles share the target's attributes. */
    private static final int MAX_SOFT_TARGETS = 32;

    private final long seed;
    private final int imageCount;
    private final TileIndex index;

    QueryMaker(long seed, int imageCount, TileIndex index) {
        this.seed = seed;
        this.imageCount = imageCount;
        this.index = index;
    }

    SyntheticQuery make(int pairId) {
        SplittableRandom rng = new SplittableRandom(TileSpec.mix(seed ^ 0x5EED_0F_C1A5L, pairId));
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            int reference = rng.nextInt(imageCount);
            Attributes from = Attributes.ofKey(TileSpec.of(seed, reference).attributeKey());
            int changes = rng.nextInt(3) == 0 ? 2 : 1;
            Attributes to = change(from, changes, rng);
            int[] candidates = index.tiles(to.key());
            if (candidates.length > 0) {
                int target = pickFrom(candidates, rng);
                List<Integer> targets = new ArrayList<>(List.of(target));
                for (int c : candidates) {
                    if (targets.size() < MAX_SOFT_TARGETS && c != target) {
                        targets.add(c);
                    }
                }
                String caption = ModificationTexts.describe(from, to, rng);
                return new SyntheticQuery(pairId, reference, caption, target, targets,
                        members(reference, target, to, rng), changes);
            }
        }
        throw new IllegalStateException("no query found after " + MAX_TRIES + " tries: the world has too few images ("
                + imageCount + ")");
    }

    private static Attributes change(Attributes from, int changes, SplittableRandom rng) {
        List<Integer> which = new ArrayList<>(List.of(0, 1, 2));
        Collections.shuffle(which, new Random(rng.nextLong()));
        LandCover land = from.land();
        ObjectKind kind = from.kind();
        ObjectColour colour = from.colour();
        for (int attribute : which.subList(0, changes)) {
            switch (attribute) {
                case 0 -> land = other(LandCover.values(), land, rng);
                case 1 -> kind = other(ObjectKind.values(), kind, rng);
                default -> colour = other(ObjectColour.values(), colour, rng);
            }
        }
        return new Attributes(land, kind, colour);
    }

    private static <T> T other(T[] values, T current, SplittableRandom rng) {
        T next;
        do {
            next = values[rng.nextInt(values.length)];
        } while (next == current);
        return next;
    }

    /**
     * Reference, target and four look-alikes of the target (tiles sharing two of its three attributes), drawn
     * by picking a look-alike attribute triple and then a tile of it, so the cost does not grow with the world.
     */
    private List<Integer> members(int reference, int target, Attributes to, SplittableRandom rng) {
        List<Integer> members = new ArrayList<>(List.of(reference, target));
        List<Integer> lookAlikeKeys = new ArrayList<>();
        for (int key = 0; key < Attributes.KEY_COUNT; key++) {
            if (Attributes.ofKey(key).shared(to) == 2 && index.tiles(key).length > 0) {
                lookAlikeKeys.add(key);
            }
        }
        int wanted = Math.min(MEMBERS, imageCount);
        for (int tries = 0; members.size() < wanted && tries < MAX_TRIES; tries++) {
            int tile = lookAlikeKeys.isEmpty() || tries >= MAX_TRIES / 2
                    ? rng.nextInt(imageCount)
                    : pickFrom(index.tiles(lookAlikeKeys.get(rng.nextInt(lookAlikeKeys.size()))), rng);
            if (!members.contains(tile)) {
                members.add(tile);
            }
        }
        Collections.shuffle(members, new Random(rng.nextLong()));
        return members;
    }

    private static int pickFrom(int[] tiles, SplittableRandom rng) {
        return tiles[rng.nextInt(tiles.length)];
    }
}
