package io.cirstream.geotiff;

/** A WGS84 (EPSG:4326) position in degrees, longitude first. */
public record LonLat(double lon, double lat) {
}
