package io.cirstream.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One naming rule for tests, which surefire's includes and the {@code -Punit} profile rely on: a class that needs the
 * real Kafka and OpenSearch is tagged {@code @IntegrationTest} and named {@code *IntegrationTest}; every other test
 * class is named {@code *Test}. A misnamed test would silently not run, or run in the unit profile without infra.
 */
class TestNamingTest {

    @Test
    void integrationTestsAreTaggedAndNamedAlike() {
        List<Path> tests = testSources();
        assertThat(tests).as("test sources found").isNotEmpty();
        for (Path file : tests) {
            String name = file.getFileName().toString();
            boolean tagged = RepoFiles.read(file).contains("\n@IntegrationTest\n");
            if (tagged) {
                assertThat(name).as(file + " is tagged @IntegrationTest").endsWith("IntegrationTest.java");
            }
            if (name.endsWith("IntegrationTest.java")) {
                assertThat(tagged).as(file + " is named *IntegrationTest but not tagged @IntegrationTest").isTrue();
            }
            assertThat(name).as(file + ": test classes end in Test, not IT or Tests")
                    .doesNotEndWith("IT.java").doesNotEndWith("Tests.java");
        }
    }

    private static List<Path> testSources() {
        return RepoFiles.find(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                .stream()
                .filter(p -> {
                    String source = RepoFiles.read(p);
                    return source.contains("@Test") || source.contains("@ParameterizedTest")
                            || source.contains("@TestFactory");
                })
                .toList();
    }
}
