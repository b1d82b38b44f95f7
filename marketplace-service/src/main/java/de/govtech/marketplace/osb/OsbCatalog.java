package de.govtech.marketplace.osb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The part of a broker's {@code GET /v2/catalog} the marketplace needs: services and their plans. */
public record OsbCatalog(List<Service> services) {

    public record Service(String id, String name, List<Plan> plans) {
    }

    /** @param maximumPollingDurationSeconds the plan's {@code maximum_polling_duration}, null if it has none */
    public record Plan(String id, String name, Integer maximumPollingDurationSeconds) {
    }

    /** A service and plan of the catalog chosen for a listing's app and plan. */
    public record Resolved(Service service, Plan plan) {
    }

    public static OsbCatalog parse(JsonNode json) {
        List<Service> services = new ArrayList<>();
        for (JsonNode s : json.path("services")) {
            List<Plan> plans = new ArrayList<>();
            for (JsonNode p : s.path("plans")) {
                JsonNode max = p.path("maximum_polling_duration");
                plans.add(new Plan(p.path("id").asText(null), p.path("name").asText(null),
                        max.canConvertToInt() && max.asInt() > 0 ? max.asInt() : null));
            }
            services.add(new Service(s.path("id").asText(null), s.path("name").asText(null), List.copyOf(plans)));
        }
        return new OsbCatalog(List.copyOf(services));
    }

    /**
     * The service whose {@code name} equals the listing's slug and its plan whose {@code name} equals the listing's
     * plan name ignoring case (OSB names are lower-case CLI-friendly, listing plan names are display names).
     */
    public Optional<Resolved> resolve(String appSlug, String planName) {
        return services.stream()
                .filter(s -> appSlug.equals(s.name()) && s.id() != null)
                .findFirst()
                .flatMap(s -> s.plans().stream()
                        .filter(p -> p.id() != null && planName.equalsIgnoreCase(p.name()))
                        .findFirst()
                        .map(p -> new Resolved(s, p)));
    }

    public boolean hasService(String appSlug) {
        return services.stream().anyMatch(s -> appSlug.equals(s.name()));
    }
}
