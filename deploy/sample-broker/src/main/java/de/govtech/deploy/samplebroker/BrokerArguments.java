package de.govtech.deploy.samplebroker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The command line of the runnable jar, turned into {@link SampleBrokerSettings}. Options take their value as the
 * next argument or after {@code =}; anything not given keeps {@link SampleBrokerSettings#defaults()}.
 */
record BrokerArguments(SampleBrokerSettings settings, boolean help) {

    static final String USAGE = """
            Usage: java -jar sample-broker.jar [options]
              --port N                 port to listen on (default 0 = a free port)
              --username NAME          basic auth user (default broker)
              --password SECRET        basic auth password (default broker-secret)
              --catalog FILE           OSB catalog JSON ({"services":[...]}, optional "x-behaviour" per plan)
              --provision-delay D      ISO-8601 duration a provision stays in progress (default PT2S)
              --deprovision-delay D    ISO-8601 duration a deprovision stays in progress (default PT1S)
              --retry-after SECONDS    Retry-After of last_operation while in progress (default 1)
              --help                   this text""";

    static BrokerArguments parse(String... args) {
        SampleBrokerSettings settings = SampleBrokerSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            if (option.equals("--help") || option.equals("-h")) {
                return new BrokerArguments(settings, true);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args[++i];
            }
            settings = apply(settings, option, value);
        }
        return new BrokerArguments(settings, false);
    }

    private static SampleBrokerSettings apply(SampleBrokerSettings settings, String option, String value) {
        return switch (option) {
            case "--port" -> settings.withPort(integer(option, value));
            case "--username" -> settings.withUsername(value);
            case "--password" -> settings.withPassword(value);
            case "--catalog" -> settings.withCatalog(Catalog.fromJson(Path.of(value)));
            case "--provision-delay" -> settings.withProvisionDelay(duration(option, value));
            case "--deprovision-delay" -> settings.withDeprovisionDelay(duration(option, value));
            case "--retry-after" -> settings.withRetryAfterSeconds(integer(option, value));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not \"" + value + "\"", e);
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " needs an ISO-8601 duration such as PT3S, not \"" + value + "\"", e);
        }
    }
}
