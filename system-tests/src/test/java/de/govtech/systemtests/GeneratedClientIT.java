package de.govtech.systemtests;

import de.govtech.client.ApiClient;
import de.govtech.client.ApiException;
import de.govtech.client.api.MembershipsApi;
import de.govtech.client.api.MunicipalitiesApi;
import de.govtech.client.api.SubscriptionsApi;
import de.govtech.client.model.Membership;
import de.govtech.client.model.MembershipApplication;
import de.govtech.client.model.MembershipStatus;
import de.govtech.client.model.Municipality;
import de.govtech.client.model.MunicipalityContactRequest;
import de.govtech.client.model.MunicipalityRequest;
import de.govtech.client.model.MunicipalityType;
import de.govtech.client.model.Subscription;
import de.govtech.client.model.SubscriptionRequest;
import de.govtech.client.model.SubscriptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Municipal IT's view: the Java client generated at build time from the gateway's merged OpenAPI document
 * (clients/java, used unmodified) registers a municipality, applies for membership and, once admitted, orders the
 * launcher's demo app until it is provisioned — against the gateway of the running stack, with Keycloak tokens put
 * on every request by the client's request interceptor.
 *
 * <p>The municipality admin is a user made here through Keycloak's admin API (the dev users' municipalities are
 * founding members or the journey's applicant), with a fresh {@code municipality_id}.
 */
@ExtendWith(StackExtension.class)
class GeneratedClientIT {

    private static final String DEMO_APP = "buergerservice-demo";
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);
    private static final Duration PROVISIONING = Duration.ofSeconds(90);

    private final PlatformStack stack;

    GeneratedClientIT(PlatformStack stack) {
        this.stack = stack;
    }

    @Test
    void aGeneratedClientAppliesForMembershipAndOrdersAnApp() throws Exception {
        UUID municipalityId = UUID.randomUUID();
        String username = "system-test-admin-" + municipalityId.toString().substring(0, 8);
        new KeycloakAdmin(stack.keycloakUrl(), PlatformStack.REALM).createMunicipalityAdmin(username, municipalityId.toString());
        ApiClient municipalIt = client(() -> stack.tokenOf(username));
        ApiClient association = client(() -> stack.tokenOf(DevUsers.PLATFORM_ADMIN));

        // Stadt Freiburg im Breisgau, kreisfreie Stadt in Baden-Württemberg, AGS 08311000; population left out
        Municipality registered = new MunicipalitiesApi(municipalIt).createMunicipality(new MunicipalityRequest()
                .name("Stadt Freiburg im Breisgau").type(MunicipalityType.KREISFREIE_STADT).land("08").officialKey("08311000")
                .contacts(List.of(new MunicipalityContactRequest().name("Max Mustermann").function("Digitalisierung")
                        .email("it@freiburg.example"))));
        assertEquals(municipalityId, registered.getId());
        assertEquals(municipalityId, new MunicipalitiesApi(municipalIt).getMunicipality(municipalityId).getId());

        MembershipsApi memberships = new MembershipsApi(municipalIt);
        Membership applied = memberships.applyForMembership(new MembershipApplication().municipalityId(municipalityId)
                .statutesVersion(Fixtures.STATUTES_VERSION));
        assertEquals(MembershipStatus.APPLIED, applied.getStatus());
        List<Membership> mine = memberships.listMemberships(municipalityId, null, null).getItems();
        assertEquals(List.of(applied.getId()), mine.stream().map(Membership::getId).toList());

        new MunicipalitiesApi(association).verifyMunicipality(municipalityId);
        Membership admitted = new MembershipsApi(association).admitMembership(applied.getId());
        assertEquals(MembershipStatus.ACTIVE, admitted.getStatus());

        SubscriptionsApi subscriptions = new SubscriptionsApi(municipalIt);
        SubscriptionRequest order = new SubscriptionRequest().appSlug(DEMO_APP).plan("Premium").cloudTarget("stackit:eu01");
        Subscription ordered = orderOnceMarketplaceKnowsTheMember(subscriptions, order);
        assertEquals(municipalityId, ordered.getMunicipalityId());

        Subscription latest = Await.until(() -> get(subscriptions, ordered.getId()),
                s -> s.getState() != SubscriptionState.PROVISIONING, PROVISIONING);
        assertEquals(SubscriptionState.PROVISIONED, latest.getState(), latest.toString());
        assertNotNull(latest.getDashboardUrl(), latest.toString());
        assertTrue(latest.getDashboardUrl().startsWith(stack.sampleBrokerUrl()), latest.toString());
    }

    /** marketplace learns of the new member from member-joined: until then the order is refused with 403. */
    private static Subscription orderOnceMarketplaceKnowsTheMember(SubscriptionsApi subscriptions, SubscriptionRequest order)
            throws InterruptedException {
        long deadline = System.nanoTime() + EVENTS_ARRIVE.toNanos();
        String idempotencyKey = "generated-client-" + java.util.UUID.randomUUID(); // retrying is safe with it
        while (true) {
            try {
                return subscriptions.orderSubscription(order, idempotencyKey);
            } catch (ApiException e) {
                if (e.getCode() != 403 || System.nanoTime() > deadline) {
                    return fail("ordering failed: " + e.getCode() + " " + e.getResponseBody(), e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static Subscription get(SubscriptionsApi subscriptions, UUID id) {
        try {
            return subscriptions.getSubscription(id);
        } catch (ApiException e) {
            throw new AssertionError("getSubscription: " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    /**
     * The generated client as a municipality would set it up: the gateway as base URI, a bearer token on every call.
     */
    private ApiClient client(Supplier<String> token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gatewayUrl());
        client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token.get()));
        return client;
    }
}
