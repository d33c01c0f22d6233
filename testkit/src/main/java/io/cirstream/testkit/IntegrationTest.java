package io.cirstream.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs the real local Kafka and OpenSearch. They are started through
 * {@code infra/infra.sh} when not already up, once per test JVM, and stopped afterwards only if this run
 * started them. Tests must use their own names from {@link LocalInfra#uniqueName(String)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(LocalInfraExtension.class)
public @interface IntegrationTest {
}
