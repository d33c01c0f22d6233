package io.cirstream.tools.world;

import java.util.List;

/**
 * One composed query of the synthetic world.
 *
 * @param pairId         query id
 * @param reference      index of the reference tile
 * @param caption        modification text
 * @param target         index of the designated target tile (CIRR's target_hard)
 * @param targets        the target and up to 31 more tiles with its attributes (CIRR's target_soft, all 1.0)
 * @param members        six tiles for the subset protocol: reference, target and four look-alikes of the target
 * @param changed        how many attributes the caption changes (1 or 2): the query's difficulty
 */
public record SyntheticQuery(int pairId, int reference, String caption, int target, List<Integer> targets,
                             List<Integer> members, int changed) {

    public SyntheticQuery {
        targets = List.copyOf(targets);
        members = List.copyOf(members);
    }
}
