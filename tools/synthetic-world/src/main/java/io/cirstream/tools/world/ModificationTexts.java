package io.cirstream.tools.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phrases that ask for a change of one attribute. A phrase names only the new value ("make it red"), as
 * CIRR captions mostly describe the target, never the attribute being removed.
 */
final class ModificationTexts {

    private static final String[] LAND = {"same but on %s", "put it on %s", "show it over %s", "now on %s"};
    private static final String[] KIND = {"turn it into a %s", "make it a %s", "same but a %s"};
    private static final String[] COLOUR = {"make it %s", "paint it %s", "same but %s", "change the colour to %s"};

    private ModificationTexts() {
    }

    /** One phrase per changed attribute of {@code target} relative to {@code reference}, joined by "and". */
    static String describe(Attributes reference, Attributes target, SplittableRandom rng) {
        List<String> parts = new ArrayList<>();
        if (reference.kind() != target.kind()) {
            parts.add(phrase(KIND, target.kind().word(), rng));
        }
        if (reference.colour() != target.colour()) {
            parts.add(phrase(COLOUR, target.colour().word(), rng));
        }
        if (reference.land() != target.land()) {
            parts.add(phrase(LAND, target.land().word(), rng));
        }
        return String.join(" and ", parts);
    }

    private static String phrase(String[] templates, String word, SplittableRandom rng) {
        return String.format(templates[rng.nextInt(templates.length)], word);
    }
}
