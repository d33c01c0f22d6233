package io.cirstream.tools.world;

/** The paint of the object on a synthetic tile. */
public enum ObjectColour {
    RED("red", new Rgb(0.85f, 0.08f, 0.08f)),
    BLUE("blue", new Rgb(0.10f, 0.25f, 0.95f)),
    GREEN("green", new Rgb(0.15f, 0.85f, 0.15f)),
    YELLOW("yellow", new Rgb(0.95f, 0.90f, 0.10f)),
    ORANGE("orange", new Rgb(0.98f, 0.55f, 0.05f)),
    PURPLE("purple", new Rgb(0.55f, 0.10f, 0.75f)),
    CYAN("cyan", new Rgb(0.05f, 0.85f, 0.90f)),
    BLACK("black", new Rgb(0.02f, 0.02f, 0.02f));

    private final String word;
    private final Rgb colour;

    ObjectColour(String word, Rgb colour) {
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
