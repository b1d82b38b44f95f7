package de.govtech.platform.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prometheus naming rules without a service: a clean scrape passes, each broken convention is named. */
class MetricNamingRulesTest {

    @Test
    void aWellNamedScrapeHasNoViolations() {
        String scrape = """
                # HELP govtech_outbox_pending_events unpublished events waiting for Kafka
                # TYPE govtech_outbox_pending_events gauge
                govtech_outbox_pending_events 3.0
                # HELP http_server_requests_seconds requests
                # TYPE http_server_requests_seconds summary
                http_server_requests_seconds_count{method="GET",uri="/x"} 1
                http_server_requests_seconds_sum{method="GET",uri="/x"} 0.2
                # HELP http_server_requests_seconds_max longest request
                # TYPE http_server_requests_seconds_max gauge
                http_server_requests_seconds_max{method="GET",uri="/x"} 0.2
                # HELP govtech_inbox_dead_letters_total records set aside
                # TYPE govtech_inbox_dead_letters_total counter
                govtech_inbox_dead_letters_total{consumer="marketplace.members"} 0.0
                """;

        assertEquals(List.of(), MetricNamingRules.violations(scrape));
    }

    @Test
    void everyBrokenConventionIsNamed() {
        String scrape = """
                # HELP govtech_outbox_sent sent events
                # TYPE govtech_outbox_sent counter
                govtech_outbox_sent 1
                # HELP queue_length_total waiting
                # TYPE queue_length_total gauge
                queue_length_total 1
                # TYPE no_help gauge
                no_help 1
                # HELP relayLatency latency
                # TYPE relayLatency gauge
                relayLatency 1
                # HELP relay_latency_milliseconds latency
                # TYPE relay_latency_milliseconds gauge
                relay_latency_milliseconds{eventType="x"} 1
                # HELP relay_latency_ms latency
                # TYPE relay_latency_ms gauge
                relay_latency_ms{le="1"} 1
                # HELP events_gauge events
                # TYPE events_gauge gauge
                events_gauge 1
                untyped_sample 1
                """;

        List<String> violations = MetricNamingRules.violations(scrape);

        List<String> expected = List.of(
                "govtech_outbox_sent: counter metrics should have the _total suffix",
                "queue_length_total: non-counter metrics should not have the _total suffix",
                "no_help: no help text",
                "relayLatency: metric names should be written in snake_case, not camelCase",
                "relay_latency_milliseconds: use the base unit seconds instead of milliseconds",
                "relay_latency_milliseconds: label names should be written in snake_case, not 'eventType'",
                "relay_latency_ms: metric names should not contain the abbreviated unit 'ms'",
                "relay_latency_ms: non-histogram metrics should not have the \"le\" label",
                "events_gauge: metric names should not include the type 'gauge'",
                "untyped_sample: sample without a # TYPE line for its family");
        for (String violation : expected) {
            assertTrue(violations.contains(violation), () -> "missing: " + violation + " in " + violations);
        }
        assertEquals(expected.size(), violations.size(), violations::toString);
    }
}
