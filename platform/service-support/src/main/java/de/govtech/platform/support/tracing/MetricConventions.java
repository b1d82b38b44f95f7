package de.govtech.platform.support.tracing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the libraries' meters within the Prometheus naming conventions (what {@code promtool check metrics} lints),
 * so every service's and the gateway's {@code /q/metrics} passes: meters measured in a non-base unit that its name
 * carries ({@code kafka_consumer_io_time_ns_avg}, {@code process_cpu_time_ns_total}) and long task timers (exposed as
 * malformed summaries) are left out, gauges named like a summary's {@code _count} are renamed, and meters without a
 * description get one. {@code MetricsTest} of platform-messaging scrapes a service and checks every rule.
 */
public class MetricConventions {

    private static final Set<String> NON_BASE_UNITS = Set.of("ns", "us", "ms", "nanoseconds", "microseconds", "milliseconds");
    private static final Map<String, String> RENAMED_GAUGES = Map.of("system.cpu.count", "system.cpu.cores");

    @Produces
    @Singleton
    MeterFilter prometheusConventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                boolean nonBaseUnit = List.of(id.getName().split("[._]")).stream().anyMatch(NON_BASE_UNITS::contains)
                        || (id.getBaseUnit() != null && NON_BASE_UNITS.contains(id.getBaseUnit()));
                // a long task timer leaves as a summary with _active_count and _duration_sum: not a summary's samples
                boolean notExposable = id.getType() == Meter.Type.LONG_TASK_TIMER;
                return nonBaseUnit || notExposable ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                Meter.Id mapped = id;
                if (id.getType() == Meter.Type.GAUGE && id.getName().endsWith(".count")) {
                    String name = id.getName();
                    mapped = mapped.withName(RENAMED_GAUGES.getOrDefault(name,
                            name.substring(0, name.length() - ".count".length()) + ".current"));
                }
                if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
                    mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTags()),
                            mapped.getBaseUnit(), mapped.getName().replace('.', ' '), mapped.getType());
                }
                return mapped;
            }
        };
    }
}
