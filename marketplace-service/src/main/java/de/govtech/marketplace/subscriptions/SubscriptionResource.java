package de.govtech.marketplace.subscriptions;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/subscriptions")
@Tag(name = "Subscriptions", description = "Member municipalities order apps; the marketplace provisions them through "
        + "the vendor's Open Service Broker (v2.17): PROVISIONING → PROVISIONED | FAILED, DEPROVISIONING → DEPROVISIONED")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final String EXAMPLE = """
            {"appSlug": "buergerportal-plus", "plan": "Standard", "cloudTarget": "stackit:eu01"}""";
    private static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SubscriptionService subscriptions;
    private final CurrentCaller caller;

    public SubscriptionResource(SubscriptionService subscriptions, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.MUNICIPALITY_ADMIN)
    @Operation(operationId = "orderSubscription", summary = "Order an app for the caller's municipality",
            description = "Only an ACTIVE member municipality may order (membership is the legal basis of in-house "
                    + "procurement). The subscription starts PROVISIONING; the broker is called in the background."
                    + " Refused with 422 for an unknown app, a plan not in the published revision, a cloud target "
                    + "not offered, or an Idempotency-Key that named another order (idempotency-key-reused).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "order", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Ordered, provisioning",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "403", description = "Not a member (membership-required), membership suspended "
            + "(member-suspended), or no municipality claim",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response order(@NotNull @Valid SubscriptionRequest body,
                          @HeaderParam(IDEMPOTENCY_KEY)
                          @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "must be 1 to 200 visible ASCII characters")
                          @Parameter(description = "Makes retrying safe: an order this municipality sent before with the "
                                  + "same key is answered again (header Idempotent-Replayed: true) instead of ordering twice; "
                                  + "the same key with another order is refused with 422", example = "9f1c2d3e-order-0042")
                          String idempotencyKey,
                          @Context UriInfo uri) {
        Caller caller = this.caller.get();
        Optional<String> key = Optional.ofNullable(idempotencyKey);
        SubscriptionService.Ordered ordered;
        try {
            ordered = subscriptions.order(caller, body, key);
        } catch (SubscriptionService.IdempotentOrderRaced raced) {
            ordered = subscriptions.replayRaced(caller, body, key.orElseThrow());
        }
        SubscriptionView created = ordered.subscription();
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created);
        return (ordered.replayed() ? response.header("Idempotent-Replayed", "true") : response).build();
    }

    @GET
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.PLATFORM_ADMIN, PlatformRoles.VENDOR})
    @Operation(operationId = "listSubscriptions", summary = "Subscriptions the caller may see, newest first",
            description = "Municipality admins get their municipality's, vendors those of their own apps, platform admins all.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public Page<SubscriptionView> list(@Valid @BeanParam PageRequest paging,
                                       @Parameter(description = "only subscriptions in this state",
                                               schema = @Schema(implementation = SubscriptionState.class))
                                       @QueryParam("state") String state) {
        return subscriptions.list(caller.get(), paging, parseState(state));
    }

    /** Parsed here so that an unknown state is a 400 naming the parameter (not the framework's 404). */
    private static Optional<SubscriptionState> parseState(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SubscriptionState.valueOf(state.trim()));
        } catch (IllegalArgumentException e) {
            throw new DomainProblemException(ProblemType.VALIDATION_FAILED,
                    "must be one of " + java.util.Arrays.toString(SubscriptionState.values()), "state");
        }
    }

    @GET
    @Path("/{subscriptionId}")
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.PLATFORM_ADMIN, PlatformRoles.VENDOR})
    @Operation(operationId = "getSubscription", summary = "One subscription with its provisioning state")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's municipality (or, for a vendor, of its apps)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public SubscriptionView get(@PathParam("subscriptionId") UUID id) {
        return subscriptions.get(caller.get(), id);
    }

    @DELETE
    @Path("/{subscriptionId}")
    @RolesAllowed({PlatformRoles.MUNICIPALITY_ADMIN, PlatformRoles.PLATFORM_ADMIN})
    @Operation(operationId = "deprovisionSubscription", summary = "End a subscription: the broker deletes the instance",
            description = "Accepted: the subscription is DEPROVISIONING until the broker confirms, then DEPROVISIONED. "
                    + "Asking again while it runs is accepted and changes nothing.")
    @APIResponse(responseCode = "202", description = "Deprovisioning",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's municipality",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Not provisioned (still provisioning, failed or already gone)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    public Response deprovision(@PathParam("subscriptionId") UUID id) {
        return Response.accepted(subscriptions.deprovision(caller.get(), id)).build();
    }
}
