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
 * The launcher builds with {@code mvn -DskipTests package} before {@code ./cirstream demo}, {@code api} and the other
 * commands. A module that configures surefire's {@code skipTests} itself overrides that flag: infra/tests did, so every
 * rebuild started the 3-broker Kafka and 2-node OpenSearch and ran their failover tests. A module that decides for
 * itself whether its tests run sets surefire's {@code skip}, which {@code -DskipTests} still overrules.
 */
class SkipTestsRespectedTest {

    @Test
    void noModuleConfiguresSkipTestsItself() {
        List<Path> poms = poms();
        assertThat(poms).as("module poms found").hasSizeGreaterThan(5);
        for (Path pom : poms) {
            assertThat(read(pom)).as(pom + " configures <skipTests>, which would override -DskipTests")
                    .doesNotContain("<skipTests>");
        }
    }

    private static List<Path> poms() {
        try (Stream<Path> files = Files.walk(RepoFiles.root())) {
            return files.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
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
