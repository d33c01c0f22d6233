package io.cirstream.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped log configuration keeps a Kafka outage from flooding the log with reconnect warnings. */
class LogConfigTest {

    @Test
    void repeatedKafkaWarningsAreRateLimitedButErrorsAreNot() {
        try (LoggerContext context = Configurator.initialize("log-config-test", getClass().getClassLoader(),
                "classpath:log4j2.xml")) {
            AtomicInteger warnings = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AbstractAppender counter = new AbstractAppender("counter", null, null, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    (event.getLevel() == Level.ERROR ? errors : warnings).incrementAndGet();
                }
            };
            counter.start();
            LoggerConfig kafka = context.getConfiguration().getLoggerConfig("org.apache.kafka.clients.NetworkClient");
            kafka.addAppender(counter, Level.ALL, null);
            context.updateLoggers();

            var log = context.getLogger("org.apache.kafka.clients.NetworkClient");
            for (int i = 0; i < 600; i++) {
                log.warn("Connection to node 1 (localhost/127.0.0.1:9092) could not be established. Node may not be available.");
            }
            for (int i = 0; i < 5; i++) {
                log.error("a real error");
            }

            assertThat(warnings.get()).as("warnings let through out of 600").isBetween(1, 25);
            assertThat(errors.get()).isEqualTo(5);
        }
    }
}
