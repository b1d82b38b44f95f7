package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The OSB service instance endpoints: provision, fetch, last_operation, deprovision. */
final class InstanceEndpoints {

    private final Catalog catalog;
    private final Behaviours behaviours;
    private final InstanceStore store;
    private final int retryAfterSeconds;
    private final URI baseUrl;
    private final Duration provisionDelay;
    private final Map<String, Integer> putsPerInstance = new ConcurrentHashMap<>();

    InstanceEndpoints(Catalog catalog, Behaviours behaviours, InstanceStore store, int retryAfterSeconds, URI baseUrl,
                      Duration provisionDelay) {
        this.catalog = catalog;
        this.behaviours = behaviours;
        this.store = store;
        this.retryAfterSeconds = retryAfterSeconds;
        this.baseUrl = baseUrl;
        this.provisionDelay = provisionDelay;
    }

    /** {@code PUT /v2/service_instances/{id}?accepts_incomplete=true} */
    Reply provision(RecordedRequest request, String instanceId) {
        Optional<Reply> asyncRequired = requireAsync(request);
        if (asyncRequired.isPresent()) {
            return asyncRequired.get();
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            return Reply.error(400, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return Reply.error(400, "the body must be a JSON object with service_id and plan_id");
        }
        String serviceId = body.path("service_id").asText("");
        String planId = body.path("plan_id").asText("");
        if (serviceId.isBlank() || planId.isBlank()) {
            return Reply.error(400, "service_id and plan_id are required");
        }
        Optional<ServiceOffering> service = catalog.service(serviceId);
        if (service.isEmpty()) {
            return Reply.error(400, "service_id " + serviceId + " is not in the catalog");
        }
        if (service.get().plan(planId).isEmpty()) {
            return Reply.error(400, "plan_id " + planId + " is not a plan of service " + service.get().name());
        }
        Behaviour behaviour = behaviours.of(planId);
        int attempt = putsPerInstance.merge(instanceId, 1, Integer::sum);
        if (behaviour == Behaviour.TIMEOUT_408 && attempt == 1) {
            return Reply.error(408, "the request timed out before the broker received it (sample broker behaviour TIMEOUT_408)");
        }
        if (behaviour == Behaviour.CONCURRENCY_422 && attempt == 1) {
            return Reply.error(422, "ConcurrencyError", "Another operation for this Service Instance is in progress.");
        }
        String dashboardUrl = baseUrl.resolve("/dashboard/" + instanceId).toString();
        InstanceStore.ProvisionResult result = store.provision(instanceId, serviceId, planId, body, behaviour, dashboardUrl);
        InstanceStore.Snapshot snapshot = result.snapshot();
        Reply reply = switch (result.outcome()) {
            case STARTED, STILL_IN_PROGRESS -> Reply.json(202, Json.object()
                    .put("dashboard_url", snapshot.instance().dashboardUrl())
                    .put("operation", snapshot.operationToken()));
            case ALREADY_PROVISIONED -> Reply.json(200, Json.object().put("dashboard_url", snapshot.instance().dashboardUrl()));
            case CONFLICT -> Reply.error(409, "service instance " + instanceId + " already exists with other attributes");
            case BUSY -> Reply.error(422, "ConcurrencyError", "service instance " + instanceId + " is being deprovisioned");
            case CRASHED -> Reply.error(500, "internal error while provisioning (sample broker behaviour FAIL_5XX)");
        };
        if (result.outcome() != InstanceStore.ProvisionOutcome.STARTED
                && result.outcome() != InstanceStore.ProvisionOutcome.STILL_IN_PROGRESS) {
            return slowly(planId, reply);
        }
        return switch (behaviour) {
            case SLOW -> reply.delayed(provisionDelay);
            case HANGING -> reply.trickled();
            case MALFORMED -> Reply.html(201, "<html><body>created</body></html>");
            case LONG_VALUES -> Reply.json(202, Json.object()
                    .put("dashboard_url", snapshot.instance().dashboardUrl() + "?pad=" + "d".repeat(2500))
                    .put("operation", snapshot.operationToken() + "-" + "o".repeat(1500)));
            case HUGE_BODY -> Reply.json(202, Json.object()
                    .put("dashboard_url", snapshot.instance().dashboardUrl())
                    .put("operation", snapshot.operationToken())
                    .put("description", "x".repeat(1024 * 1024)));
            default -> reply;
        };
    }

    /** {@code GET /v2/service_instances/{id}} */
    Reply fetch(String instanceId) {
        Optional<InstanceStore.Snapshot> found = store.find(instanceId);
        if (found.isEmpty()) {
            return Reply.error(404, "no service instance " + instanceId);
        }
        BrokerInstance instance = found.get().instance();
        if (instance.operation().equals(BrokerInstance.DEPROVISION)) {
            return Reply.error(422, "ConcurrencyError", "service instance " + instanceId + " is being deprovisioned");
        }
        if (!instance.state().equals(BrokerInstance.SUCCEEDED)) {
            return Reply.error(404, "service instance " + instanceId + " is not provisioned (" + instance.state() + ")");
        }
        ObjectNode body = Json.object()
                .put("service_id", instance.serviceId())
                .put("plan_id", instance.planId())
                .put("dashboard_url", instance.dashboardUrl());
        JsonNode parameters = found.get().request().get("parameters");
        if (parameters != null && parameters.isObject()) {
            body.set("parameters", parameters);
        }
        return Reply.json(200, body);
    }

    /** {@code GET /v2/service_instances/{id}/last_operation} */
    Reply lastOperation(RecordedRequest request, String instanceId) {
        Optional<InstanceStore.Snapshot> found = store.find(instanceId);
        if (found.isEmpty()) {
            String operation = QueryString.parse(request.query()).getOrDefault("operation", "");
            boolean deprovisionPoll = store.wasDeprovisioned(instanceId) || operation.startsWith(BrokerInstance.DEPROVISION);
            return deprovisionPoll ? Reply.empty(410) : Reply.error(404, "no service instance " + instanceId);
        }
        InstanceStore.Snapshot snapshot = found.get();
        String state = snapshot.instance().state();
        boolean inProgress = state.equals(BrokerInstance.IN_PROGRESS);
        if (inProgress && snapshot.instance().operation().equals(BrokerInstance.PROVISION)
                && behaviours.of(snapshot.instance().planId()) == Behaviour.GONE_410) {
            return Reply.empty(410);
        }
        Reply reply = Reply.json(200, Json.object().put("state", state).put("description", snapshot.description()));
        return slowly(snapshot.instance().planId(), inProgress
                ? reply.withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                : reply);
    }

    /** {@code DELETE /v2/service_instances/{id}?service_id=&plan_id=&accepts_incomplete=true} */
    Reply deprovision(RecordedRequest request, String instanceId) {
        Optional<Reply> asyncRequired = requireAsync(request);
        if (asyncRequired.isPresent()) {
            return asyncRequired.get();
        }
        Map<String, String> query = QueryString.parse(request.query());
        if (query.getOrDefault("service_id", "").isBlank() || query.getOrDefault("plan_id", "").isBlank()) {
            return Reply.error(400, "the query parameters service_id and plan_id are required");
        }
        return store.deprovision(instanceId)
                .map(snapshot -> slowly(snapshot.instance().planId(),
                        Reply.json(202, Json.object().put("operation", snapshot.operationToken()))))
                .orElseGet(() -> Reply.empty(410));
    }

    private Reply slowly(String planId, Reply reply) {
        return behaviours.of(planId) == Behaviour.SLOW ? reply.delayed(provisionDelay) : reply;
    }

    private static Optional<Reply> requireAsync(RecordedRequest request) {
        if ("true".equals(QueryString.parse(request.query()).get("accepts_incomplete"))) {
            return Optional.empty();
        }
        return Optional.of(Reply.error(422, "AsyncRequired",
                "This service plan requires client support for asynchronous service operations (accepts_incomplete=true)."));
    }
}
