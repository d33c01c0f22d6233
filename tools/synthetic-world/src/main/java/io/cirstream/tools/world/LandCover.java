package io.cirstream.tools.world;

/** The background of a synthetic satellite tile. Colours sit far from every {@link ObjectColour}. */
public enum LandCover {
    FOREST("forest", new Rgb(0.13f, 0.33f, 0.15f)),
    DESERT("desert", new Rgb(0.86f, 0.74f, 0.50f)),
    WATER("water", new Rgb(0.10f, 0.22f, 0.42f)),
    SNOW("snow", new Rgb(0.90f, 0.92f, 0.95f)),
    FARMLAND("farmland", new Rgb(0.55f, 0.50f, 0.22f)),
    CITY("city", new Rgb(0.50f, 0.50f, 0.52f));

    private final String word;
    private final Rgb colour;

    LandCover(String word, Rgb colour) {
        this.word = word;
        this.colour = colour;
    }

    public String word() {
        return word;
    }

    public Rgb colour() {
        return colour;
    }
}
