package io.cirstream.contract.index;

import io.cirstream.contract.event.GalleryEvent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identity of a gallery document: the key of its {@code vectors} record and its OpenSearch {@code _id}.
 * <ul>
 *   <li>an image of the live gallery topic is keyed by its image id alone (as before collections were keyed),</li>
 *   <li>an image of a benchmark gallery topic {@code gallery.bench.<collection>} by
 *       {@code <collection>} U+001F {@code <image id>}.</li>
 * </ul>
 * So CIRCO val and CIRCO test (the same COCO ids), two FashionIQ splits and a live image with a benchmark's id are
 * different documents, and a tombstone on one gallery topic deletes only that topic's document. The separator is a
 * control character, which an image id may never contain ({@link GalleryEvent#checkId}), so a scoped key can never
 * equal a live image id. The stored fields {@code id} and {@code collection} keep the plain image id and the
 * collection: readers search by those, never by the {@code _id}.
 */
public final class DocumentId {
    /** U+001F, the unit separator: not allowed in image ids, so scoped and plain keys never collide. */
    public static final char SEPARATOR = '\u001f';

    private DocumentId() {
    }

    /** The key of a benchmark collection's image. */
    public static String scoped(String collection, String imageId) {
        return collection + SEPARATOR + imageId;
    }

    /**
     * The {@code vectors} record key of a gallery record keyed {@code imageKey}: unchanged for the live gallery
     * ({@code collection} null), else the collection's bytes, the separator and the key's bytes as they came.
     */
    public static byte[] key(String collection, byte[] imageKey) {
        if (collection == null || imageKey == null) {
            return imageKey;
        }
        byte[] prefix = (collection + SEPARATOR).getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(prefix, prefix.length + imageKey.length);
        System.arraycopy(imageKey, 0, key, prefix.length, imageKey.length);
        return key;
    }

    /**
     * Whether {@code key} is a valid key for image {@code imageId}: the id itself, or the id scoped to a collection.
     * The scope is the gallery topic's, not the event's {@code collection} field, which a producer may set otherwise.
     */
    public static boolean matches(String key, String imageId) {
        return key.equals(imageId) || key.endsWith(SEPARATOR + imageId) && key.indexOf(SEPARATOR) == key.length()
                - imageId.length() - 1;
    }

    /**
     * The document id of a {@code vectors} record key, which must be strict UTF-8 (a lenient decode would silently
     * index or delete another id) and a valid image id, optionally scoped. Ids that pass and are still refused by
     * OpenSearch (its {@code _id} limit is 512 UTF-8 bytes) are caught by splitting the bulk.
     * Throws {@link IllegalArgumentException} naming what is wrong with the key.
     */
    public static String of(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("vector record has no key");
        }
        String id;
        try {
            id = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("record key is not valid UTF-8");
        }
        int separator = id.indexOf(SEPARATOR);
        try {
            if (separator >= 0) {
                checkCollection(id.substring(0, separator));
            }
            GalleryEvent.checkId(id.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record key is not a valid image id: " + e.getMessage());
        }
        return id;
    }

    /** The part of a document id that humans read: collection/id for a scoped one. */
    public static String printable(String documentId) {
        return documentId.replace(SEPARATOR, '/');
    }

    private static void checkCollection(String collection) {
        if (!collection.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("invalid collection '" + printable(collection) + "' before the separator");
        }
    }
}
