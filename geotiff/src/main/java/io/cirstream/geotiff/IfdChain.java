package io.cirstream.geotiff;

import io.cirstream.geotiff.GeoTiffException.Reason;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the full-resolution image in the IFD chain. A COG keeps it first and its overviews and masks after it,
 * but any TIFF may chain reduced-resolution pages first, so the chain is walked; a loop or an absurdly long chain
 * is {@link Reason#CORRUPT}, never an endless walk.
 */
final class IfdChain {
  /** Far more pages than any tile has (a COG of a 64k-pixel image has about 10 overviews plus masks). */
  static final int MAX_IFDS = 1024;
  private static final long REDUCED_OR_MASK = 0x1 | 0x4;

  private IfdChain() {
  }

  static Ifd fullResolution(TiffBytes bytes) throws GeoTiffException {
    Set<Long> seen = new HashSet<>();
    long offset = bytes.firstIfd();
    while (offset != 0) {
      if (!seen.add(offset)) {
        throw new GeoTiffException(Reason.CORRUPT, "IFD chain loops back to offset " + offset);
      }
      if (seen.size() > MAX_IFDS) {
        throw new GeoTiffException(Reason.CORRUPT, "IFD chain longer than " + MAX_IFDS);
      }
      Ifd ifd = Ifd.at(bytes, offset);
      if ((ifd.integer(Tag.NEW_SUBFILE_TYPE, 0) & REDUCED_OR_MASK) == 0) {
        return ifd;
      }
      offset = ifd.next();
    }
    throw new GeoTiffException(Reason.CORRUPT, "no full-resolution image in the IFD chain");
  }
}
