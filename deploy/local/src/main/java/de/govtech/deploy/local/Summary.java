package de.govtech.deploy.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The "where is everything" block printed once the stack is up. */
final class Summary {

    static final String REALM = "govtech";
    static final String CLI_CLIENT = "govtech-cli";
    static final String FALLBACK_EXAMPLE_USER = "dev-platform-admin";

    /**
     * @param sampleBrokerUrl         the sample vendor broker (OSB 2.17)
     * @param sampleBrokerCredentials "user / password"
     * @param demoApp                 what became of the demo app ("buergerservice-demo published   <url>" or why not)
     * @param demoCourses             what became of the demo courses ("5 courses published", "nothing to do" or why not)
     * @param demoSolutions           what became of the demo solutions (proposals, round, released solution)
     */
    record Facts(List<ServiceSpec> services, String keycloakUrl, int postgresPort, String kafkaBootstrap,
                 List<DevUser> users, String usersNote, Path dataDir, Path logsDir, long startupSeconds,
                 String stopHint, String sampleBrokerUrl, String sampleBrokerCredentials, String demoApp,
                 String demoCourses, String demoSolutions) {
    }

    private final Terminal terminal;
    private final Predicate<ServiceSpec> hasSwaggerUi;

    Summary(Terminal terminal, Predicate<ServiceSpec> hasSwaggerUi) {
        this.terminal = terminal;
        this.hasSwaggerUi = hasSwaggerUi;
    }

    void print(Facts facts) {
        String realmUrl = facts.keycloakUrl() + "/realms/" + REALM;
        String tokenUrl = realmUrl + "/protocol/openid-connect/token";
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(78);
        text.append('\n').append(rule).append('\n')
                .append("GovTech Kommunal platform is running (ready in ").append(facts.startupSeconds()).append(" s)\n")
                .append(rule).append("\n\n");

        facts.services().stream().filter(ServiceSpec::isGateway).findFirst().ifPresent(gateway ->
                text.append(row("Gateway", gateway.baseUrl() + "   (front door for every API)"))
                        .append(row("", "OpenAPI " + gateway.openApiUrl())));
        List<ServiceSpec> services = facts.services().stream().filter(s -> !s.isGateway()).toList();
        if (!services.isEmpty()) {
            text.append("\nServices\n");
            for (ServiceSpec service : services) {
                text.append(row("  " + service.area(), "API        " + service.apiUrl()))
                        .append(row("", "Swagger UI " + service.swaggerUiUrl()
                                + (hasSwaggerUi.test(service) ? "" : "   (not included in this build)")))
                        .append(row("", "OpenAPI    " + service.openApiUrl()))
                        .append(row("", "Health     " + service.healthUrl()));
            }
        }

        text.append('\n')
                .append(row("Keycloak admin", facts.keycloakUrl() + "/admin   (admin / admin " + terminal.dash() + " dev only)"))
                .append(row("Realm", realmUrl))
                .append(row("Token endpoint", tokenUrl))
                .append(row("PostgreSQL", "jdbc:postgresql://localhost:" + facts.postgresPort()
                        + "/<membership|learning|solutions|marketplace|keycloak>   (postgres / postgres)"))
                .append(row("Kafka", facts.kafkaBootstrap()))
                .append(row("Sample broker", facts.sampleBrokerUrl() + "   (Open Service Broker 2.17, "
                        + facts.sampleBrokerCredentials() + " " + terminal.dash() + " dev only)"))
                .append(row("Demo app", facts.demoApp()))
                .append(row("Demo courses", facts.demoCourses()))
                .append(row("Demo solutions", facts.demoSolutions()));

        text.append("\nDev users (password = username, dev only)\n");
        if (facts.users().isEmpty()) {
            text.append("  ").append(facts.usersNote() == null ? "(none in the realm file)" : facts.usersNote()).append('\n');
        }
        int width = facts.users().stream().mapToInt(u -> u.username().length()).max().orElse(10) + 2;
        int rolesWidth = facts.users().stream().mapToInt(u -> String.join(", ", u.roles()).length()).max().orElse(10) + 2;
        for (DevUser user : facts.users()) {
            text.append("  ").append(pad(user.username(), width)).append(pad(String.join(", ", user.roles()), rolesWidth));
            if (user.municipalityId() != null) {
                text.append("municipality_id=").append(user.municipalityId()).append("   ");
            }
            if (user.vendorId() != null) {
                text.append("vendor_id=").append(user.vendorId());
            }
            text.setLength(text.length() - trailingBlanks(text));
            text.append('\n');
        }

        String example = exampleUser(facts.users());
        text.append("\nGet a token:\n")
                .append("  curl -s -d grant_type=password -d client_id=").append(CLI_CLIENT)
                .append(" -d username=").append(example).append(" -d password=").append(example)
                .append(' ').append(tokenUrl).append('\n');

        text.append('\n')
                .append(row("Data", facts.dataDir() + "   (kept across restarts; --wipe starts from scratch)"))
                .append(row("Logs", facts.logsDir().toString()))
                .append('\n').append(facts.stopHint()).append('\n');
        terminal.println(text.toString());
    }

    private static String exampleUser(List<DevUser> users) {
        Map<Boolean, List<DevUser>> admins = users.stream()
                .collect(Collectors.partitioningBy(u -> u.roles().contains("platform-admin")));
        if (!admins.get(true).isEmpty()) {
            return admins.get(true).get(0).username();
        }
        return users.isEmpty() ? FALLBACK_EXAMPLE_USER : users.get(0).username();
    }

    private static int trailingBlanks(CharSequence text) {
        int count = 0;
        while (count < text.length() && text.charAt(text.length() - 1 - count) == ' ') {
            count++;
        }
        return count;
    }

    private static String row(String label, String value) {
        return pad(label, 16) + value + '\n';
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
