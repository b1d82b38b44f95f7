package de.govtech.systemtests.replicas;

import de.govtech.platform.testkit.KafkaTopicReader;
import de.govtech.systemtests.PlatformStack;
import de.govtech.systemtests.StackExtension;
import de.govtech.systemtests.replicas.Members.Member;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two membership-service instances run the end-due job at the same tick against one database and one Kafka: each
 * membership is ended once, by one of them, neither job fails, and {@code member-left} is on
 * {@code membership.events} once per municipality (row lock and re-check per membership, the state machine, the
 * optimistic version, the outbox relay's lock).
 *
 * <p>Both extra instances (the stack's own keeps its daily schedule and takes no part) run with
 * {@code GOVTECH_MEMBERSHIP_END_DUE_CRON=0/15 * * * * ?}: Quarkus' scheduler checks its triggers at whole seconds, so
 * both jobs start within moments of each other and walk the same due memberships in the same order, competing for
 * every row. With {@code GOVTECH_MEMBERSHIP_NOTICE_PERIOD=P-6M} notice given through them has a last day in the past
 * (today minus six months, to the end of that quarter), as if it had been given a year ago: no clock is shifted.
 */
@ExtendWith(StackExtension.class)
class MembershipReplicasIT {

    private static final String MEMBER_LEFT = "de.govtech.membership.member-left.v1";
    private static final long TICK_MILLIS = 15_000;
    private static final Map<String, String> EVERY_TICK_AND_DUE_AT_ONCE = Map.of(
            "GOVTECH_MEMBERSHIP_END_DUE_CRON", "0/15 * * * * ?",
            "GOVTECH_MEMBERSHIP_NOTICE_PERIOD", "P-6M");
    private static final int MEMBERSHIPS = 50;
    private static final Duration READY = Duration.ofMinutes(4);
    private static final Duration ENDED = Duration.ofSeconds(90);
    private static final Duration EVENTS_ARRIVE = Duration.ofSeconds(60);
    private static final Duration LATE_DUPLICATES = Duration.ofSeconds(5);
    private static final String JOB_FAILED = "Error occurred while executing task";
    private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PlatformStack stack;

    MembershipReplicasIT(PlatformStack stack) {
        this.stack = stack;
    }

    @Test
    void twoInstancesEndingDueMembershipsAtTheSameTickEndEachOnce() throws Exception {
        int firstPort = 8081 + stack.portOffset();
        try (SecondInstance a = SecondInstance.startLike("membership-service", firstPort, List.of(),
                EVERY_TICK_AND_DUE_AT_ONCE, ReplicaFiles.logFile("membership-service-2.log"));
             SecondInstance b = SecondInstance.startLike("membership-service", firstPort, List.of(),
                     EVERY_TICK_AND_DUE_AT_ONCE, ReplicaFiles.logFile("membership-service-3.log"))) {
            List<Member> members = Members.admit(stack, MEMBERSHIPS, false, "Gemeinde Austritt");
            a.awaitReady(READY);
            b.awaitReady(READY);
            String admin = stack.tokenOf("dev-platform-admin");
            sleepUntilJustAfterATick();
            giveNotice(a, members, admin);
            Set<String> notEnded = Poll.until(() -> notEnded(members, admin), Set::isEmpty, ENDED, Duration.ofSeconds(2));
            assertTrue(notEnded.isEmpty(), "not ENDED within " + ENDED.toSeconds() + " s: " + notEnded + "\n"
                    + a.logTail() + "\n" + b.logTail());

            Set<String> ours = members.stream().map(Member::membershipId).collect(Collectors.toSet());
            Set<String> endedByA = endedByJob(a.logLines());
            endedByA.retainAll(ours);
            Set<String> endedByB = endedByJob(b.logLines());
            endedByB.retainAll(ours);
            System.out.println("MembershipReplicasIT: of " + MEMBERSHIPS + " memberships one instance ended "
                    + endedByA.size() + ", the other " + endedByB.size());
            Set<String> both = new HashSet<>(endedByA);
            both.retainAll(endedByB);
            assertTrue(both.isEmpty(), "ended by both instances: " + both);
            Set<String> ended = new HashSet<>(endedByA);
            ended.addAll(endedByB);
            assertEquals(ours, ended, "every membership ended by one job or the other");
            // the instance that comes second to a row must skip it, not fail its run and leave the rest to chance
            assertTrue(a.logLines().stream().noneMatch(line -> line.contains(JOB_FAILED)), "a job failed\n" + a.logTail());
            assertTrue(b.logLines().stream().noneMatch(line -> line.contains(JOB_FAILED)), "a job failed\n" + b.logTail());

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

    /** Notice is given early in a tick's window, so that all of it is due when both jobs next fire. */
    private static void sleepUntilJustAfterATick() throws InterruptedException {
        long now = System.currentTimeMillis();
        long sinceTick = now % TICK_MILLIS;
        if (sinceTick > 2_000) {
            Thread.sleep(TICK_MILLIS - sinceTick + 1_500);
        }
    }

    /** Through an extra instance, whose notice period puts the last day of membership in the past. */
    private void giveNotice(SecondInstance instance, List<Member> members, String admin) throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> notices = new ArrayList<>();
            for (Member member : members) {
                notices.add(pool.submit(() -> {
                    Http.Answer answer = Http.send("POST", instance.baseUrl() + Members.MEMBERSHIP + "/memberships/"
                            + member.membershipId() + "/give-notice", admin, Map.of("reason", "Zwei Instanzen")).expect(200);
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

    private Set<String> notEnded(List<Member> members, String admin) {
        return members.stream().map(Member::membershipId)
                .filter(id -> !"ENDED".equals(Http.send("GET", stack.gatewayUrl() + Members.MEMBERSHIP + "/memberships/"
                        + id, admin, null).expect(200).json().path("status").asText()))
                .collect(Collectors.toSet());
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
