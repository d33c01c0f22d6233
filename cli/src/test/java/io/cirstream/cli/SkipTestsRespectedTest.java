package io.cirstream.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

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
        List<Path> poms = RepoFiles.find(p -> p.getFileName().toString().equals("pom.xml")
                && !p.toString().contains("/node_modules/"));
        assertThat(poms).as("module poms found").hasSizeGreaterThan(5);
        for (Path pom : poms) {
            assertThat(RepoFiles.read(pom)).as(pom + " configures <skipTests>, which would override -DskipTests")
                    .doesNotContain("<skipTests>");
        }
    }

}
