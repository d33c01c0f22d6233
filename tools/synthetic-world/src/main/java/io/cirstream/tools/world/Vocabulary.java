package io.cirstream.tools.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the synthetic world: attribute words (which the generated model maps to attribute
 * directions) and filler words used in modification texts and prompts (which carry no meaning).
 */
public final class Vocabulary {

    /** Words in modification texts and prompt templates that name no attribute. */
    public static final List<String> FILLER = List.of(
            "a", "an", "the", "photo", "of", "that", "it", "make", "same", "but", "on", "over", "now", "turn",
            "into", "change", "to", "colour", "show", "with", "and", "put", "in", "is", "satellite", "tile",
            "paint", "background", "object", "$");

    private Vocabulary() {
    }

    /** Attribute words in a fixed order: land covers, then kinds, then colours. */
    public static List<String> attributeWords() {
        List<String> words = new ArrayList<>();
        for (LandCover c : LandCover.values()) {
            words.add(c.word());
        }
        for (ObjectKind k : ObjectKind.values()) {
            words.add(k.word());
        }
        for (ObjectColour c : ObjectColour.values()) {
            words.add(c.word());
        }
        return words;
    }
}
