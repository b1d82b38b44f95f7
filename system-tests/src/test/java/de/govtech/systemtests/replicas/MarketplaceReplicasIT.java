package de.govtech.systemtests.replicas;

import de.govtech.deploy.samplebroker.Behaviour;
import de.govtech.deploy.samplebroker.Catalog;
import de.govtech.systemtests.PlatformStack;
import de.govtech.systemtests.StackExtension;
import de.govtech.systemtests.replicas.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two marketplace-service instances against one database, one Kafka and one broker: 50 member municipalities order
 * the launcher's demo app at once; every order ends PROVISIONED and the stack's sample broker received exactly one
 * provision (PUT) per instance id — the provisioning lease ({@code for update skip locked}, lease renewed and
 * re-checked before every broker call) lets only one instance drive an operation. The second instance must have sent
 * some of those PUTs itself (the provisioning worker logs each PUT it sends: "Provisioning: PUT /v2/service_instances/…"); the
 * broker received all 50, so the first sent the rest — both did provisioning work.
 * <p>
 * Both take part for certain, not by the timing of their worker runs: a few orders are of the plan Premium, which the
 * broker answers only after its provision delay (5 s, behaviour SLOW) for this test. An instance calls one broker at
 * most twice at once, so whichever instance sends those PUTs cannot send any other for seconds while orders are due,
 * and the other instance's worker (every second) claims them. With quick answers only, one instance could send all 50
 * before the other's worker first looked (seen in CI: 50 PUTs in 0.84 s).
 */
@ExtendWith(StackExtension.class)
class MarketplaceReplicasIT {

    private static final String MARKETPLACE = "/api/v1/marketplace";
    private static final String DEMO_APP = "buergerservice-demo";
    private static final int ORDERS = 50;
    /** Orders of the plan answered late; together they keep one instance's two broker calls busy for over 10 s. */
    private static final int SLOW_ORDERS = 5;
    private static final String SLOW_PLAN = "Premium";
    private static final Duration READY = Duration.ofMinutes(4);
    private static final Duration MEMBERS_KNOWN = Duration.ofSeconds(90);
    private static final Duration PROVISIONED = Duration.ofMinutes(3);

    private final PlatformStack stack;

    MarketplaceReplicasIT(PlatformStack stack) {
        this.stack = stack;
    }

    @Test
    void twoInstancesProvisionFiftyOrdersEachExactlyOnceAtTheBroker() throws Exception {
        int firstPort = 8084 + stack.portOffset();
        Path log = ReplicaFiles.logFile("marketplace-service-2.log");
        try (SecondInstance second = SecondInstance.startLike("marketplace-service", firstPort,
                List.of(), Map.of(), log)) {
            List<Member> members = Members.admit(stack, ORDERS, true, "Gemeinde Replik");
            second.awaitReady(READY);

            List<String> subscriptions;
            Map<String, String> states;
            String admin = stack.tokenOf("dev-platform-admin");
            brokerBehaviour(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.SLOW);
            try {
                subscriptions = orderAll(members);
                assertEquals(ORDERS, new HashSet<>(subscriptions).size(), "one subscription per order");
                states = Poll.until(() -> statesOf(subscriptions, admin), s -> !s.containsValue("PROVISIONING"), PROVISIONED);
            } finally {
                brokerBehaviour(Catalog.DEMO_PREMIUM_PLAN_ID, Behaviour.SUCCEED);
            }
            Map<String, Long> notProvisioned = states.values().stream().filter(s -> !"PROVISIONED".equals(s))
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertTrue(notProvisioned.isEmpty(), "not PROVISIONED: " + notProvisioned + "\n" + second.logTail());

            Path brokerLog = RunningProcess.find("sample-broker.jar", 8090 + stack.portOffset()).stdoutFile();
            Map<String, Long> puts = provisionsPerInstance(Files.readAllLines(brokerLog, StandardCharsets.UTF_8), subscriptions);
            Map<String, Long> notOnce = new TreeMap<>();
            subscriptions.forEach(id -> notOnce.put(id, puts.getOrDefault(id, 0L)));
            notOnce.values().removeIf(n -> n == 1);
            assertTrue(notOnce.isEmpty(), "PUTs at the broker (" + brokerLog + ") per instance id not 1: " + notOnce);

            Set<String> sentBySecond = provisionsPerInstance(second.logLines(), subscriptions).keySet();
            assertFalse(sentBySecond.isEmpty(), "the second instance sent no provision: it was idle\n" + second.logTail());
            assertTrue(sentBySecond.size() < ORDERS, "the first instance sent no provision: it was idle");
            System.out.println("MarketplaceReplicasIT: the second instance sent " + sentBySecond.size() + " of " + ORDERS
                    + " provisions, the first " + (ORDERS - sentBySecond.size()));
        }
    }

    /** Each member's admin orders the demo app, side by side; retried while marketplace has not learnt of the member. */
    private List<String> orderAll(List<Member> members) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                String plan = i < SLOW_ORDERS ? SLOW_PLAN : "Basis";
                orders.add(pool.submit(() -> order(member, plan)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> order : orders) {
                ids.add(order.get());
            }
            return ids;
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private String order(Member member, String plan) throws InterruptedException {
        String token = member.adminToken();
        Map<String, String> idempotencyKey = Map.of("Idempotency-Key", "replicas-" + UUID.randomUUID());
        long deadline = System.nanoTime() + MEMBERS_KNOWN.toNanos();
        while (true) {
            Http.Answer answer = Http.send("POST", stack.gatewayUrl() + MARKETPLACE + "/subscriptions", token,
                    Map.of("appSlug", DEMO_APP, "plan", plan, "cloudTarget", "stackit:eu01"), idempotencyKey);
            if (answer.status() != 403 || System.nanoTime() > deadline) {
                return answer.expect(201).createdId();
            }
            Thread.sleep(500); // member-joined not applied yet
        }
    }

    /** Through the sample broker's control endpoint (not OSB), with the stack's dev broker credentials. */
    private void brokerBehaviour(String planId, Behaviour behaviour) {
        String basic = Base64.getEncoder().encodeToString("broker:broker-secret".getBytes(StandardCharsets.UTF_8));
        Http.send("PUT", stack.sampleBrokerUrl() + "/control/plans/" + planId + "/behaviour", null,
                Map.of("behaviour", behaviour.name()), Map.of("Authorization", "Basic " + basic)).expect(200);
    }

    private Map<String, String> statesOf(List<String> subscriptions, String admin) {
        Map<String, String> states = new TreeMap<>();
        for (String id : subscriptions) {
            states.put(id, Http.send("GET", stack.gatewayUrl() + MARKETPLACE + "/subscriptions/" + id, admin, null)
                    .expect(200).json().path("state").asText());
        }
        return states;
    }

    /** How many lines name a PUT of each instance id (the instance id is the subscription id). */
    static Map<String, Long> provisionsPerInstance(List<String> lines, List<String> subscriptions) {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : lines) {
            int at = line.indexOf("/v2/service_instances/");
            if (at < 0 || !line.contains("PUT")) {
                continue;
            }
            String rest = line.substring(at + "/v2/service_instances/".length());
            String id = rest.length() >= 36 ? rest.substring(0, 36) : rest;
            if (subscriptions.contains(id) && !rest.startsWith(id + "/")) {
                counts.merge(id, 1L, Long::sum);
            }
        }
        return counts;
    }
}
