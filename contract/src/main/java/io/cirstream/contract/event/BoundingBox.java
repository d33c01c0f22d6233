package io.cirstream.contract.event;

/** A WGS84 rectangle in degrees, e.g. the footprint of a remote-sensing tile. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        GeoPoint.requireValid(minLat, minLon);
        GeoPoint.requireValid(maxLat, maxLon);
        if (minLon > maxLon || minLat > maxLat) {
            throw new IllegalArgumentException("bbox minimum exceeds maximum: [" + minLon + ", " + minLat + ", "
                    + maxLon + ", " + maxLat + "]");
        }
    }
}
