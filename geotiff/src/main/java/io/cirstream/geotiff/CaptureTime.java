package io.cirstream.geotiff;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a tile was captured, from its tags, first found wins: GDAL metadata item ACQUISITIONDATETIME (tag 42112,
 * the imagery acquisition time), TIFF DateTime (306, "YYYY:MM:DD HH:MM:SS"), GDAL metadata item TIFFTAG_DATETIME.
 * Times without a zone are taken as UTC, which is what satellite metadata uses. A value that does not parse is
 * treated as absent: a tile with a malformed time is still a good tile.
 */
final class CaptureTime {
  private static final DateTimeFormatter TIFF = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");
  private static final Pattern ITEM = Pattern.compile("<Item\\s+name=\"(ACQUISITIONDATETIME|TIFFTAG_DATETIME)\"[^>]*>([^<]{1,64})</Item>");

  private CaptureTime() {
  }

  static Optional<Instant> of(Ifd ifd) {
    Optional<String> metadata = ifd.text(Tag.GDAL_METADATA);
    return metadata.flatMap(m -> item(m, "ACQUISITIONDATETIME")).flatMap(CaptureTime::parse)
        .or(() -> ifd.text(Tag.DATE_TIME).flatMap(CaptureTime::parse))
        .or(() -> metadata.flatMap(m -> item(m, "TIFFTAG_DATETIME")).flatMap(CaptureTime::parse));
  }

  private static Optional<String> item(String metadata, String name) {
    Matcher m = ITEM.matcher(metadata);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  /** TIFF's "2024:05:06 07:08:09", ISO with an offset or Z, or ISO local (UTC). */
  static Optional<Instant> parse(String text) {
    String t = text.trim();
    try {
      return Optional.of(LocalDateTime.parse(t, TIFF).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notTiff) {
      try {
        return Optional.of(OffsetDateTime.parse(t).toInstant());
      } catch (DateTimeParseException notOffset) {
        try {
          return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
          return Optional.empty();
        }
      }
    }
  }
}
