package io.cirstream.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCleanupTest {

    @Test
    void ownsTheTopicsNamedAfterAUniqueNameAndNoOthers() {
        List<String> topics = List.of("emb-1a2b3c4d.gallery", "emb-1a2b3c4d.vectors", "emb-1a2b3c4d-pending-changelog",
                "feed-restart-99aa88bb", "gallery", "cirstream.vectors", "emb-1a2b3c4e.gallery", "__consumer_offsets");
        assertThat(TopicCleanup.owned(topics, List.of("emb-1a2b3c4d", "feed-restart-99aa88bb")))
                .containsExactly("emb-1a2b3c4d-pending-changelog", "emb-1a2b3c4d.gallery", "emb-1a2b3c4d.vectors",
                        "feed-restart-99aa88bb");
        assertThat(TopicCleanup.owned(topics, List.of())).isEmpty();
    }
}
