package io.cirstream.embedder.stream;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRecordTest {

    @Test
    void keepsTheEventTimeAndStillReadsRecordsStoredWithout() throws IOException {
        PendingRecord record = new PendingRecord("gallery", 7, 100, new byte[]{1}, new byte[]{2, 3}, 42);
        assertThat(PendingRecord.fromBytes(record.toBytes()).eventTime()).isEqualTo(42);

        // Format 1, as the embedder before issue 16 wrote it into the changelog: no event time.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(1);
            out.writeUTF("gallery");
            out.writeLong(7);
            out.writeLong(100);
            out.writeInt(1);
            out.write(1);
            out.writeInt(2);
            out.write(new byte[]{2, 3});
        }
        PendingRecord old = PendingRecord.fromBytes(buffer.toByteArray());
        assertThat(old.value()).containsExactly(2, 3);
        assertThat(old.eventTime()).isEqualTo(PendingRecord.UNKNOWN_EVENT_TIME);
    }
}
