package io.cirstream.contract.event;

/** WGS84 position in degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        requireValid(lat, lon);
    }

    /** Throws {@link IllegalArgumentException} unless the coordinates are on the globe. */
    static void requireValid(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within [-90, 90], got " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within [-180, 180], got " + lon);
        }
    }
}
