package de.govtech.deploy.samplebroker;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@code PUT /control/plans/{planId}/behaviour} with {@code {"behaviour": "SLOW"}}: what {@link SampleBroker#behave}
 * does in-process, for tests that drive the broker as a separate process (the local stack's). Not part of OSB.
 */
final class BehaviourControl {

    private final Behaviours behaviours;

    BehaviourControl(Behaviours behaviours) {
        this.behaviours = behaviours;
    }

    Reply change(RecordedRequest request, String planId) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            return Reply.error(400, "the body is not JSON");
        }
        String name = body == null ? "" : body.path("behaviour").asText("");
        Behaviour behaviour = Arrays.stream(Behaviour.values()).filter(b -> b.name().equals(name)).findFirst().orElse(null);
        if (behaviour == null) {
            return Reply.error(400, "behaviour must be one of " + Arrays.toString(Behaviour.values()) + ", not \"" + name + "\"");
        }
        try {
            behaviours.set(planId, behaviour);
        } catch (IllegalArgumentException e) {
            return Reply.error(404, e.getMessage());
        }
        return Reply.json(200, Json.object().put("plan_id", planId).put("behaviour", behaviour.name()));
    }
}
