package io.cirstream.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
            boolean tagged = read(file).contains("\n@IntegrationTest\n");
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
        try (Stream<Path> files = Files.walk(RepoFiles.root())) {
            return files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> read(p).contains("@Test") || read(p).contains("@ParameterizedTest")
                            || read(p).contains("@TestFactory"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
