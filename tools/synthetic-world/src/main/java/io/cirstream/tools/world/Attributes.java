package io.cirstream.tools.world;

/** The attribute triple of a tile, and its packing into one integer key. */
public record Attributes(LandCover land, ObjectKind kind, ObjectColour colour) {

    public static final int KEY_COUNT = LandCover.values().length * ObjectKind.values().length * ObjectColour.values().length;

    public static int key(LandCover land, ObjectKind kind, ObjectColour colour) {
        return (land.ordinal() * ObjectKind.values().length + kind.ordinal()) * ObjectColour.values().length + colour.ordinal();
    }

    public static Attributes ofKey(int key) {
        int colours = ObjectColour.values().length;
        int kinds = ObjectKind.values().length;
        return new Attributes(LandCover.values()[key / (colours * kinds)], ObjectKind.values()[(key / colours) % kinds],
                ObjectColour.values()[key % colours]);
    }

    public int key() {
        return key(land, kind, colour);
    }

    /** How many of the three attributes two triples share. */
    public int shared(Attributes other) {
        return (land == other.land ? 1 : 0) + (kind == other.kind ? 1 : 0) + (colour == other.colour ? 1 : 0);
    }
}
