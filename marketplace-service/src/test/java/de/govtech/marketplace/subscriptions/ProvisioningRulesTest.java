package de.govtech.marketplace.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.govtech.marketplace.osb.OsbResponse;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Answer;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Decision;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Outcome;
import de.govtech.marketplace.subscriptions.ProvisioningRules.Work;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProvisioningRules rules = new ProvisioningRules(new ProvisioningRules.Settings(Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofSeconds(2),
            Duration.ofSeconds(30), 3, 4));

    private static Work work(DriverStep step) {
        return new Work(step, 0, null, null, null, null);
    }

    private static Answer answer(int status, String body, Integer retryAfter) throws Exception {
        return Answer.of(new OsbResponse(status, body == null ? null : JSON.readTree(body),
                Optional.ofNullable(retryAfter).map(Duration::ofSeconds)));
    }

    @Test
    void anAcceptedProvisionIsPolledUntilThePlansMaximumPollingDuration() throws Exception {
        Work work = new Work(DriverStep.PROVISION, 0, null, null, null, 120);
        Decision d = rules.provisionAnswered(work, answer(202, "{\"operation\":\"op-1\",\"dashboard_url\":\"https://d\"}", null), NOW);
        assertEquals(Outcome.CONTINUE, d.outcome());
        assertEquals(DriverStep.POLL_PROVISION, d.next());
        assertEquals("op-1", d.operation());
        assertEquals("https://d", d.dashboardUrl());
        assertEquals(NOW.plusSeconds(120), d.deadline(), "the catalog plan's maximum_polling_duration wins");
        assertEquals(NOW.plusSeconds(5), d.nextAttemptAt(), "no Retry-After: the configured poll interval");

        Decision fallback = rules.provisionAnswered(work(DriverStep.PROVISION), answer(202, "{}", null), NOW);
        assertEquals(NOW.plus(Duration.ofMinutes(30)), fallback.deadline(), "without it the configured default");
    }

    @Test
    void synchronousSuccessProvisionsAtOnce() throws Exception {
        assertEquals(Outcome.PROVISIONED, rules.provisionAnswered(work(DriverStep.PROVISION), answer(201, "{}", null), NOW).outcome());
        Decision ok = rules.provisionAnswered(work(DriverStep.PROVISION), answer(200, "{\"dashboard_url\":\"https://x\"}", null), NOW);
        assertEquals(Outcome.PROVISIONED, ok.outcome());
        assertEquals("https://x", ok.dashboardUrl());
        assertNull(ok.next());
    }

    @Test
    void serverErrorsTimeoutsAndNoAnswerFailWithOrphanMitigation() throws Exception {
        for (Answer a : new Answer[]{answer(500, "{\"description\":\"boom\"}", null), answer(503, null, null),
                Answer.unreachable("no complete answer within 2000 ms"), Answer.unreachable("response too large"),
                answer(204, null, null)}) {
            Decision d = rules.provisionAnswered(work(DriverStep.PROVISION), a, NOW);
            assertEquals(Outcome.FAILED, d.outcome());
            assertEquals(DriverStep.ORPHAN_DELETE, d.next(), a.describe());
            assertEquals(NOW, d.nextAttemptAt());
        }
    }

    @Test
    void clientErrorsFailWithoutDeleting() throws Exception {
        for (int status : new int[]{400, 401, 409, 412, 422}) { // 422 without ConcurrencyError
            Decision d = rules.provisionAnswered(work(DriverStep.PROVISION), answer(status, "{\"description\":\"no\"}", null), NOW);
            assertEquals(Outcome.FAILED, d.outcome());
            assertNull(d.next(), "HTTP " + status + " must not delete: the instance is not ours or does not exist");
            assertTrue(d.reason().contains("HTTP " + status), d.reason());
        }
    }

    @Test
    void pollingHonoursRetryAfterWithinTheBoundsAndTheDeadline() throws Exception {
        Work polling = new Work(DriverStep.POLL_PROVISION, 0, NOW.plusSeconds(600), "op", null, null);
        assertEquals(NOW.plusSeconds(7), rules.provisionPolled(polling, answer(200, "{\"state\":\"in progress\"}", 7), NOW).nextAttemptAt());
        assertEquals(NOW.plusSeconds(1), rules.provisionPolled(polling, answer(200, "{\"state\":\"in progress\"}", 0), NOW).nextAttemptAt(),
                "at least min-poll-interval");
        assertEquals(NOW.plusSeconds(60), rules.provisionPolled(polling, answer(200, "{\"state\":\"in progress\"}", 3600), NOW).nextAttemptAt(),
                "at most max-poll-interval");
        Work nearDeadline = new Work(DriverStep.POLL_PROVISION, 4, NOW.plusSeconds(3), "op", null, null);
        Decision d = rules.provisionPolled(nearDeadline, answer(200, "{\"state\":\"in progress\"}", 30), NOW);
        assertEquals(NOW.plusSeconds(3), d.nextAttemptAt(), "never later than the deadline");
        assertEquals(5, d.attempts());
        assertEquals("op", d.operation());
    }

    @Test
    void pollResultsDecideTheProvision() throws Exception {
        Work polling = new Work(DriverStep.POLL_PROVISION, 2, NOW.plusSeconds(600), "op", "https://dash", null);
        Decision ok = rules.provisionPolled(polling, answer(200, "{\"state\":\"succeeded\"}", null), NOW);
        assertEquals(Outcome.PROVISIONED, ok.outcome());
        assertEquals("https://dash", ok.dashboardUrl());

        Decision failed = rules.provisionPolled(polling, answer(200, "{\"state\":\"failed\",\"description\":\"quota\"}", null), NOW);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals(DriverStep.ORPHAN_DELETE, failed.next(), "a failed async provision is deleted");
        assertTrue(failed.reason().contains("quota"));

        Decision hiccup = rules.provisionPolled(polling, answer(502, null, null), NOW);
        assertEquals(Outcome.CONTINUE, hiccup.outcome(), "a failed poll is retried, the provision is not failed");
        assertEquals(DriverStep.POLL_PROVISION, hiccup.next());
        assertEquals(NOW.plusSeconds(8), hiccup.nextAttemptAt(), "back-off 2 s doubled twice");
    }

    @Test
    void aProvisionPastItsDeadlineFailsAndIsDeleted() {
        Work polling = new Work(DriverStep.POLL_PROVISION, 9, NOW, "op", null, 60);
        assertTrue(rules.pastDeadline(polling, NOW));
        assertTrue(!rules.pastDeadline(polling, NOW.minusMillis(1)));
        Decision d = rules.provisionTimedOut(polling, NOW);
        assertEquals(Outcome.FAILED, d.outcome());
        assertEquals(DriverStep.ORPHAN_DELETE, d.next());
        assertTrue(d.reason().contains("60 s"), d.reason());
    }

    @Test
    void deprovisioningEndsWithGoneOrSucceededAndRetriesOtherwise() throws Exception {
        assertEquals(Outcome.DEPROVISIONED, rules.deprovisionAnswered(work(DriverStep.DEPROVISION), answer(410, "{}", null), NOW).outcome());
        assertEquals(Outcome.DEPROVISIONED, rules.deprovisionAnswered(work(DriverStep.DEPROVISION), answer(200, "{}", null), NOW).outcome());
        Decision accepted = rules.deprovisionAnswered(work(DriverStep.DEPROVISION), answer(202, "{\"operation\":\"del\"}", 2), NOW);
        assertEquals(DriverStep.POLL_DEPROVISION, accepted.next());
        assertEquals(NOW.plusSeconds(2), accepted.nextAttemptAt());

        Work polling = new Work(DriverStep.POLL_DEPROVISION, 0, NOW.plusSeconds(600), "del", null, null);
        assertEquals(Outcome.DEPROVISIONED, rules.deprovisionPolled(polling, answer(410, "{}", null), NOW).outcome());
        assertEquals(Outcome.DEPROVISIONED, rules.deprovisionPolled(polling, answer(200, "{\"state\":\"succeeded\"}", null), NOW).outcome());
        assertEquals(DriverStep.DEPROVISION, rules.deprovisionPolled(polling, answer(200, "{\"state\":\"failed\"}", null), NOW).next(),
                "a failed delete is sent again");

        Work unlucky = new Work(DriverStep.DEPROVISION, 50, null, null, null, null);
        Decision retry = rules.deprovisionAnswered(unlucky, answer(500, null, null), NOW);
        assertEquals(Outcome.CONTINUE, retry.outcome(), "deprovisioning never gives up");
        assertEquals(NOW.plusSeconds(30), retry.nextAttemptAt(), "back-off capped at max-backoff");
    }

    @Test
    void orphanDeletionNeverGivesUpAndAlertsOnceAfterTheThreshold() throws Exception {
        Work first = work(DriverStep.ORPHAN_DELETE);
        assertEquals(Outcome.ORPHAN_DONE, rules.orphanDeleteAnswered(first, answer(410, "{}", null), NOW).outcome());
        assertEquals(Outcome.ORPHAN_DONE, rules.orphanDeleteAnswered(first, answer(200, "{}", null), NOW).outcome());
        assertEquals(DriverStep.POLL_ORPHAN, rules.orphanDeleteAnswered(first, answer(202, "{}", null), NOW).next());
        Decision again = rules.orphanDeleteAnswered(first, answer(500, null, null), NOW);
        assertEquals(DriverStep.ORPHAN_DELETE, again.next());
        assertEquals(1, again.attempts());
        Work third = new Work(DriverStep.ORPHAN_DELETE, 3, null, null, null, null);
        Decision alert = rules.orphanDeleteAnswered(third, answer(500, null, null), NOW);
        assertEquals(Outcome.ORPHAN_ALERT, alert.outcome(), "the 4th unconfirmed attempt alerts");
        assertEquals(DriverStep.ORPHAN_DELETE, alert.next(), "and goes on");
        Work many = new Work(DriverStep.ORPHAN_DELETE, 500, null, null, null, null);
        Decision still = rules.orphanDeleteAnswered(many, Answer.unreachable("connection failed"), NOW);
        assertEquals(Outcome.CONTINUE, still.outcome(), "never gives up, alerts only once");
        assertEquals(DriverStep.ORPHAN_DELETE, still.next());
        assertEquals(NOW.plusSeconds(30), still.nextAttemptAt(), "back-off capped at max-backoff");

        Work polling = new Work(DriverStep.POLL_ORPHAN, 2, NOW.plusSeconds(60), "del", null, null);
        assertEquals(Outcome.ORPHAN_DONE, rules.orphanPolled(polling, answer(410, "{}", null), NOW).outcome());
        assertEquals(Outcome.ORPHAN_DONE, rules.orphanPolled(polling, answer(200, "{\"state\":\"succeeded\"}", null), NOW).outcome());
        Decision failedDelete = rules.orphanPolled(polling, answer(200, "{\"state\":\"failed\"}", null), NOW);
        assertEquals(DriverStep.ORPHAN_DELETE, failedDelete.next(), "a failed delete is sent again");
        assertEquals(3, failedDelete.attempts(), "attempts count across delete and poll");
    }

    @Test
    void a408MeansTheRequestNeverArrived_provisionAgainWithoutOrphanMitigation() throws Exception {
        Decision retry = rules.provisionAnswered(work(DriverStep.PROVISION), answer(408, "{}", null), NOW);
        assertEquals(Outcome.CONTINUE, retry.outcome());
        assertEquals(DriverStep.PROVISION, retry.next());
        assertEquals(NOW.plusSeconds(2), retry.nextAttemptAt());
        Work tried = new Work(DriverStep.PROVISION, 2, null, null, null, null);
        Decision failed = rules.provisionAnswered(tried, answer(408, "{}", null), NOW);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertNull(failed.next(), "no orphan mitigation after 408");
    }

    @Test
    void aConcurrencyErrorMeansWaitAndProvisionAgainUntilTheMaximumPollingDuration() throws Exception {
        Answer busy = answer(422, "{\"error\":\"ConcurrencyError\",\"description\":\"busy\"}", null);
        Decision wait = rules.provisionAnswered(work(DriverStep.PROVISION), busy, NOW);
        assertEquals(Outcome.CONTINUE, wait.outcome());
        assertEquals(DriverStep.PROVISION, wait.next());
        assertEquals(NOW.plusSeconds(2), wait.nextAttemptAt());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), wait.deadline());
        Work waiting = new Work(DriverStep.PROVISION, 7, NOW.plusSeconds(1), null, null, null);
        assertEquals(NOW.plusSeconds(1), rules.provisionAnswered(waiting, busy, NOW).nextAttemptAt(), "not past the deadline");
        assertEquals(Outcome.FAILED, rules.provisionAnswered(waiting, busy, NOW.plusSeconds(1)).outcome());
    }

    @Test
    void a410WhilePollingAProvisionIsNoAnswer_keepPolling() throws Exception {
        Work polling = new Work(DriverStep.POLL_PROVISION, 0, NOW.plusSeconds(600), "op", null, null);
        Decision d = rules.provisionPolled(polling, answer(410, "{}", null), NOW);
        assertEquals(Outcome.CONTINUE, d.outcome());
        assertEquals(DriverStep.POLL_PROVISION, d.next());
    }

    @Test
    void malformedSuccessesFail_withOrphanMitigationExceptFor200() throws Exception {
        for (int status : new int[]{201, 202}) {
            Decision d = rules.provisionAnswered(work(DriverStep.PROVISION), answer(status, "[\"created\"]", null), NOW);
            assertEquals(Outcome.FAILED, d.outcome());
            assertEquals(DriverStep.ORPHAN_DELETE, d.next(), "HTTP " + status);
            assertTrue(d.reason().contains("not an OSB object"), d.reason());
        }
        Decision ok200 = rules.provisionAnswered(work(DriverStep.PROVISION), answer(200, null, null), NOW);
        assertEquals(Outcome.FAILED, ok200.outcome());
        assertNull(ok200.next(), "OSB: 200 with a malformed body is a failure without orphan mitigation");
    }

    @Test
    void brokerValuesLongerThanTheColumnsFailTheSubscriptionCleanly() throws Exception {
        String longOperation = "{\"operation\":\"" + "o".repeat(1001) + "\"}";
        Decision operation = rules.provisionAnswered(work(DriverStep.PROVISION), answer(202, longOperation, null), NOW);
        assertEquals(Outcome.FAILED, operation.outcome());
        assertEquals(DriverStep.ORPHAN_DELETE, operation.next());
        assertTrue(operation.reason().contains("operation is longer than 1000"), operation.reason());
        Decision dashboard = rules.provisionAnswered(work(DriverStep.PROVISION),
                answer(200, "{\"dashboard_url\":\"https://d/" + "x".repeat(2000) + "\"}", null), NOW);
        assertEquals(Outcome.FAILED, dashboard.outcome());
        assertTrue(dashboard.reason().contains("dashboard_url is longer than 2000"), dashboard.reason());
        Decision fits = rules.provisionAnswered(work(DriverStep.PROVISION),
                answer(202, "{\"operation\":\"" + "o".repeat(1000) + "\"}", null), NOW);
        assertEquals(DriverStep.POLL_PROVISION, fits.next());

        Decision delete = rules.deprovisionAnswered(work(DriverStep.DEPROVISION), answer(202, longOperation, null), NOW);
        assertEquals(DriverStep.POLL_DEPROVISION, delete.next());
        assertNull(delete.operation(), "a delete's overlong operation is dropped: polled without it");

        Work polling = new Work(DriverStep.POLL_PROVISION, 0, NOW.plusSeconds(600), "op", null, null);
        Decision failed = rules.provisionPolled(polling,
                answer(200, "{\"state\":\"failed\",\"description\":\"" + "d".repeat(5000) + "\"}", null), NOW);
        assertTrue(failed.reason().length() < 600, "a long description is cut");
    }

    @Test
    void anUnreadableCatalogIsRetriedAMissingPlanFailsAtOnce() {
        assertEquals(Outcome.CONTINUE, rules.catalogUnusable(work(DriverStep.PROVISION), NOW, "catalog: HTTP 503", true).outcome());
        Work tried = new Work(DriverStep.PROVISION, 2, null, null, null, null);
        assertEquals(Outcome.FAILED, rules.catalogUnusable(tried, NOW, "catalog: HTTP 503", true).outcome());
        Decision missing = rules.catalogUnusable(work(DriverStep.PROVISION), NOW, "no plan", false);
        assertEquals(Outcome.FAILED, missing.outcome());
        assertNull(missing.next(), "nothing was created, nothing to delete");
    }

    /** What the client makes of a 200 with an HTML page (a proxy's maintenance page): no JSON body at all. */
    private static Answer htmlPage(int status) {
        return Answer.of(new OsbResponse(status, null, Optional.empty()));
    }

    @Test
    void aLastOperationThatIsNotOneIsPolledAgainUntilTheDeadline_provisionDeprovisionAndOrphanAlike() throws Exception {
        Instant deadline = NOW.plusSeconds(60);
        Answer[] malformed = {htmlPage(200), answer(200, "[1, 2]", null), answer(200, "{\"state\":\"frozen\"}", null),
                answer(200, "{}", null), htmlPage(204)};
        for (Answer answer : malformed) {
            Decision provision = rules.provisionPolled(new Work(DriverStep.POLL_PROVISION, 1, deadline, "op", null, null), answer, NOW);
            assertEquals(Outcome.CONTINUE, provision.outcome(), answer.describe());
            assertEquals(DriverStep.POLL_PROVISION, provision.next());

            Decision deprovision = rules.deprovisionPolled(new Work(DriverStep.POLL_DEPROVISION, 1, deadline, "del", null, null),
                    answer, NOW);
            assertEquals(DriverStep.POLL_DEPROVISION, deprovision.next(), answer.describe());

            Decision orphan = rules.orphanPolled(new Work(DriverStep.POLL_ORPHAN, 1, deadline, "del", null, null), answer, NOW);
            assertEquals(Outcome.CONTINUE, orphan.outcome(), answer.describe());
            assertEquals(DriverStep.POLL_ORPHAN, orphan.next(), "polled again, not deleted again: " + answer.describe());
            assertEquals(1, orphan.attempts(), "no attempt at the deletion counted");
            assertEquals(deadline, orphan.deadline());
            assertTrue(!orphan.nextAttemptAt().isAfter(deadline));
        }
        // at the deadline polling ends as for any unanswered operation
        Decision lateOrphan = rules.orphanPolled(new Work(DriverStep.POLL_ORPHAN, 1, NOW, "del", null, null), htmlPage(200), NOW);
        assertEquals(DriverStep.ORPHAN_DELETE, lateOrphan.next());
        Decision lateDeprovision = rules.deprovisionPolled(new Work(DriverStep.POLL_DEPROVISION, 1, NOW, "del", null, null),
                htmlPage(200), NOW);
        assertEquals(DriverStep.DEPROVISION, lateDeprovision.next());
        assertTrue(rules.pastDeadline(new Work(DriverStep.POLL_PROVISION, 1, NOW, "op", null, null), NOW),
                "a provision past its deadline is timed out by the worker before it polls");
    }
}
