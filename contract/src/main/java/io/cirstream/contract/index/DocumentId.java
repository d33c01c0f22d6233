package io.cirstream.contract.index;

import io.cirstream.contract.event.GalleryEvent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The OpenSearch document id of a {@code vectors} record: its key, which must be strict UTF-8 (a lenient decode would
 * silently index or delete another id) and a valid image id ({@link GalleryEvent#checkId}). Ids that pass and are
 * still refused by OpenSearch (its {@code _id} limit is 512 UTF-8 bytes) are caught by splitting the bulk.
 */
public final class DocumentId {

    private DocumentId() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with the key. */
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
        try {
            GalleryEvent.checkId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record key is not a valid image id: " + e.getMessage());
        }
        return id;
    }
}
