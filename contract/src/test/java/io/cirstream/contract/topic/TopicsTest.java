package io.cirstream.contract.topic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {
    @Test
    void galleryPatternTakesLiveAndBenchmarkGalleriesButNotDeadLetters() {
        Topics topics = Topics.defaults();
        var pattern = topics.galleryPattern();
        assertThat(pattern.matcher(topics.gallery()).matches()).isTrue();
        assertThat(pattern.matcher(topics.benchmarkGallery("cirr")).matches()).isTrue();
        assertThat(pattern.matcher(topics.deadLetters()).matches()).isFalse();
        assertThat(pattern.matcher(topics.vectors()).matches()).isFalse();
        assertThat(pattern.matcher(topics.benchmarkQueries("cirr")).matches()).isFalse();
    }

    @Test
    void prefixAppliesEverywhereAndNamesAreChecked() {
        Topics topics = new Topics("t1.");
        assertThat(topics.gallery()).isEqualTo("t1.gallery");
        assertThat(topics.galleryPattern().matcher("gallery").matches()).isFalse();
        assertThatThrownBy(() -> topics.benchmarkQueries("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
