package io.cirstream.contract.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.cirstream.contract.event.GalleryEventCodecTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkCodecsTest {
    private final BenchmarkQueryCodec queries = new BenchmarkQueryCodec();
    private final ReplayReceiptCodec receipts = new ReplayReceiptCodec();

    @Test
    void queryRoundTrips() {
        BenchmarkQuery query = new BenchmarkQuery("cirr", "val", "1042", "dev-1-0-img0", List.of("make it red", " "),
                List.of("dev-1-0-img1"), List.of("dev-1-0-img0", "dev-1-0-img1", "dev-1-0-img2"), null);

        assertThat(queries.decode(queries.encode(query))).isEqualTo(query);
    }

    @Test
    void queryWithoutOptionalListsDecodesToEmptyLists() {
        BenchmarkQuery query = queries.decode(json("{'schema':1,'benchmark':'circo','split':'test','queryId':'7',"
                + "'referenceId':'000000000042'}"));

        assertThat(query.texts()).isEmpty();
        assertThat(query.targetIds()).isEmpty();
        assertThat(query.category()).isNull();
    }

    @Test
    void queryMissingReferenceNamesTheField() {
        assertThatThrownBy(() -> queries.decode(json("{'schema':1,'benchmark':'b','split':'s','queryId':'1'}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'referenceId'")
                .hasMessageContaining("missing");
    }

    @Test
    void receiptRoundTrips() {
        ReplayReceipt receipt = new ReplayReceipt("cirr", "val", "cirr-val", 2297, 4181, "/data/cirr",
                Instant.parse("2026-01-02T03:04:05.678Z"));

        assertThat(receipts.decode(receipts.encode(receipt))).isEqualTo(receipt);
    }

    @Test
    void receiptWithNegativeCountIsMalformed() {
        byte[] bad = json("{'schema':1,'benchmark':'b','split':'s','collection':'b-s','galleryCount':-1,"
                + "'queryCount':0,'createdAt':'2026-01-01T00:00:00Z'}");

        assertThatThrownBy(() -> receipts.decode(bad)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("counts must be >= 0");
    }

    @Test
    void futureReceiptSchemaIsRefused() {
        assertThatThrownBy(() -> receipts.decode(json("{'schema':9}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unsupported future schema version 9");
    }
}
