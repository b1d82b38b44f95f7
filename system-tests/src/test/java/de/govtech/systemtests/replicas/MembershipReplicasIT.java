package de.govtech.systemtests.replicas;

import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.systemtests.PlatformStack;
import de.govtech.systemtests.StackExtension;
import de.govtech.systemtests.replicas.Members.Member;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two membership-service instances end due memberships at the same moment: each membership is ended once and
 * {@code member-left} is on {@code membership.events} once per municipality (row lock and re-check per membership,
 * the optimistic version, the outbox relay's lock).
 *
 * <p>How the job runs now instead of at 00:15 on the day after a quarter's end: the second instance gets
 * {@code GOVTECH_MEMBERSHIP_END_DUE_CRON=0/15 * * * * ?} (its scheduled job every 15 s) and
 * {@code GOVTECH_MEMBERSHIP_NOTICE_PERIOD=P-6M}: notice given through it has a last day in the past (today minus six
 * months, to the end of that quarter), as if it had been given a year ago — the service's clock is the system clock
 * and cannot be set. The launcher's first instance keeps its daily schedule; it runs the same logic through
 * {@code POST /memberships/end-due} (as the platform admin, straight to it), fired at the job's tick.
 */
@ExtendWith(StackExtension.class)
@Disabled("not yet green: written and compiled, never passed end to end on the overloaded machine (issue 13 note); "
        + "its race between the first instance's end-due calls and the second's job needs a settable clock")
class MembershipReplicasIT {

    private static final String MEMBER_LEFT = "de.govtech.membership.member-left.v1";
    private static final String END_DUE_CRON = "0/15 * * * * ?";
    private static final long TICK_MILLIS = 15_000;
    private static final int MEMBERSHIPS = 50;
    private static final Duration READY = Duration.ofMinutes(4);
    private static final Duration ENDING = Duration.ofSeconds(60);
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);
    private static final Duration LATE_DUPLICATES = Duration.ofSeconds(5);
    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PlatformStack stack;

    MembershipReplicasIT(PlatformStack stack) {
        this.stack = stack;
    }

    @Test
    void twoInstancesEndEachDueMembershipExactlyOnce() throws Exception {
        int firstPort = 8081 + stack.portOffset();
        try (SecondInstance second = SecondInstance.startLike("membership-service", firstPort, List.of(), Map.of(
                "GOVTECH_MEMBERSHIP_END_DUE_CRON", END_DUE_CRON,
                "GOVTECH_MEMBERSHIP_NOTICE_PERIOD", "P-6M"), ReplicaFiles.logFile("membership-service-2.log"))) {
            List<Member> members = Members.admit(stack, MEMBERSHIPS, false, "Gemeinde Austritt");
            second.awaitReady(READY);
            String admin = stack.tokenOf("dev-platform-admin");
            giveNotice(second, members, admin);

            Set<String> endedByFirst = endDueAtTheJobsTick(admin, members);

            Set<String> ours = members.stream().map(Member::membershipId).collect(Collectors.toSet());
            Set<String> endedBySecond = endedByJob(second.logLines());
            endedBySecond.retainAll(ours);
            Set<String> both = new HashSet<>(endedByFirst);
            both.retainAll(endedBySecond);
            assertTrue(both.isEmpty(), "ended by both instances: " + both);
            Set<String> ended = new HashSet<>(endedByFirst);
            ended.addAll(endedBySecond);
            assertEquals(ours, ended, "every membership ended, by one instance or the other");
            assertFalse(endedBySecond.isEmpty(), "the second instance's job ended none: it was idle\n" + second.logTail());
            assertFalse(endedByFirst.isEmpty(), "the first instance ended none: it was idle");
            System.out.println("MembershipReplicasIT: the second instance's job ended " + endedBySecond.size() + " of "
                    + MEMBERSHIPS + " memberships, the first instance " + endedByFirst.size());
            for (Member member : members) {
                assertEquals("ENDED", Http.send("GET", stack.gatewayUrl() + Members.MEMBERSHIP + "/memberships/"
                        + member.membershipId(), admin, null).expect(200).json().path("status").asText());
            }

            Set<String> municipalities = members.stream().map(Member::municipalityId).collect(Collectors.toSet());
            KafkaTopicReader kafka = stack.kafka();
            List<ConsumerRecord<String, String>> left = kafka.readMatching("membership.events",
                    r -> municipalities.contains(r.key()) && MEMBER_LEFT.equals(KafkaTopicReader.header(r, "ce_type")),
                    MEMBERSHIPS, EVENTS_ARRIVE);
            assertEquals(MEMBERSHIPS, left.size(), "member-left events of our municipalities");
            // a duplicate written by the slower instance would follow within moments: read on a little longer
            List<ConsumerRecord<String, String>> afterAWhile = kafka.readMatching("membership.events",
                    r -> municipalities.contains(r.key()) && MEMBER_LEFT.equals(KafkaTopicReader.header(r, "ce_type")),
                    MEMBERSHIPS + 1, LATE_DUPLICATES);
            Map<String, Long> perMunicipality = afterAWhile.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.counting()));
            perMunicipality.values().removeIf(n -> n == 1);
            assertTrue(perMunicipality.isEmpty(), "member-left more than once: " + perMunicipality);
            assertEquals(MEMBERSHIPS, afterAWhile.size(), "member-left events of our municipalities");
        }
    }

    /** Through the second instance, whose notice period puts the last day of membership in the past. */
    private void giveNotice(SecondInstance second, List<Member> members, String admin) throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> notices = new ArrayList<>();
            for (Member member : members) {
                notices.add(pool.submit(() -> {
                    Http.Answer answer = Http.send("POST", second.baseUrl() + Members.MEMBERSHIP + "/memberships/"
                            + member.membershipId() + "/give-notice", admin, Map.of("reason", "Zweite Instanz")).expect(200);
                    LocalDate leavesOn = LocalDate.parse(answer.json().path("leavesOn").asText());
                    assertTrue(leavesOn.isBefore(today), "last day not in the past: " + answer);
                }));
            }
            for (Future<?> notice : notices) {
                notice.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * At the second instance's next tick the first instance is asked to end due memberships too, by two callers, again
     * and again until none of ours is left; returns what the first instance ended.
     */
    private Set<String> endDueAtTheJobsTick(String admin, List<Member> members) throws Exception {
        // straight to the first instance: through the gateway a run longer than its upstream timeout (10 s) on a busy
        // machine would answer 504 and hide which memberships it ended
        String firstInstance = "http://localhost:" + (8081 + stack.portOffset());
        long now = System.currentTimeMillis();
        long tick = (now / TICK_MILLIS + 1) * TICK_MILLIS;
        Thread.sleep(tick - now);
        // the scheduler fires up to a second after the tick; the job ends the memberships in id order (all have the
        // same last day), so the first instance joins as soon as the job has ended the first of them
        String first = members.stream().map(Member::membershipId).sorted().findFirst().orElseThrow();
        Poll.until(() -> Http.send("GET", firstInstance + Members.MEMBERSHIP + "/memberships/" + first, admin, null)
                .expect(200).json().path("status").asText(), "ENDED"::equals, Duration.ofSeconds(TICK_MILLIS / 1000 * 2), Duration.ofMillis(50));
        Set<String> endedByFirst = ConcurrentHashMap.newKeySet();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        long deadline = System.nanoTime() + ENDING.toNanos();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int caller = 0; caller < 2; caller++) {
                runs.add(callers.submit(() -> {
                    do {
                        Http.send("POST", firstInstance + Members.MEMBERSHIP + "/memberships/end-due", admin, null)
                                .expect(200).json().path("membershipIds").forEach(id -> endedByFirst.add(id.asText()));
                    } while (anyNotEnded(members, admin) && System.nanoTime() < deadline);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            callers.shutdownNow();
        }
        return endedByFirst;
    }

    private boolean anyNotEnded(List<Member> members, String admin) {
        return members.stream().anyMatch(m -> !"ENDED".equals(Http.send("GET", stack.gatewayUrl() + Members.MEMBERSHIP
                + "/memberships/" + m.membershipId(), admin, null).expect(200).json().path("status").asText()));
    }

    /** The membership ids of the job's log lines "Ended n membership(s) whose last day has passed: [ids]". */
    private static Set<String> endedByJob(List<String> lines) {
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            if (line.contains("whose last day has passed")) {
                Matcher matcher = UUID_PATTERN.matcher(line.substring(line.indexOf("whose last day has passed")));
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return ids;
    }
}
