package de.govtech.marketplace.subscriptions;

import de.govtech.marketplace.osb.OsbResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a broker's answer means for a subscription, following OSB v2.17: which state it reaches, which step comes
 * next and when. Plain rules, no I/O; the worker performs the calls and stores the {@link Decision}.
 * <ul>
 *   <li>Provision: 200/201 done; 202 poll {@code last_operation} honouring Retry-After (bounded) until succeeded,
 *       failed, or the plan's maximum polling duration. 201/202 with a body that is not an OSB object, other 2xx,
 *       5xx, no (complete) answer, a failed or timed-out async provision → FAILED with orphan mitigation (DELETE);
 *       200 with a malformed body → FAILED without. 408 (the request did not reach the broker) → PUT again with
 *       back-off, no orphan mitigation. 422 {@code ConcurrencyError} → wait and PUT again. Other 4xx → FAILED without
 *       DELETE. An {@code operation} or {@code dashboard_url} longer than its column → FAILED with orphan
 *       mitigation. 410 while polling a provision is no answer: keep polling.</li>
 *   <li>{@code last_operation}: a 2xx that is not a last operation (malformed body, unknown state) is no answer —
 *       polled again until the operation's deadline, for a provision, a deprovision and an orphan deletion alike.</li>
 *   <li>Deprovision: 200 or 410 Gone done; 202 poll until succeeded or 410; errors retry with back-off for ever
 *       (an instance must not keep running for a municipality that asked to end it).</li>
 *   <li>Orphan DELETE: like deprovision — retried with capped back-off until the broker confirms (200/410 or a
 *       succeeded/gone poll), never given up; after {@code orphanAlertAfter} attempts an alert.</li>
 * </ul>
 */
public final class ProvisioningRules {

    /** The widths of the columns broker values are stored in (V5). */
    static final int MAX_OPERATION = 1000;
    static final int MAX_DASHBOARD_URL = 2000;

    public record Settings(Duration pollInterval, Duration minPollInterval, Duration maxPollInterval,
                           Duration maxPollingDuration, Duration retryBackoff, Duration maxBackoff, int maxAttempts,
                           int orphanAlertAfter) {
    }

    /** The driving state the rules need. */
    public record Work(DriverStep step, int attempts, Instant deadline, String operation, String dashboardUrl,
                       Integer maxPollingSeconds) {
    }

    /** A broker call's result: its response, or why there was none. */
    public record Answer(OsbResponse response, String unreachable) {
        public static Answer of(OsbResponse response) {
            return new Answer(response, null);
        }

        public static Answer unreachable(String why) {
            return new Answer(null, why);
        }

        int status() {
            return response == null ? -1 : response.status();
        }

        String lastOperationState() {
            return response == null ? null : response.text("state");
        }

        /**
         * A 2xx whose body is not a last-operation (not a JSON object, or a {@code state} other than "in progress",
         * "succeeded", "failed"): no answer about the operation, so it is polled again until its deadline (OSB 2.17).
         */
        boolean malformedLastOperation() {
            if (response == null || !response.is2xx()) {
                return false;
            }
            String state = lastOperationState();
            return !response.wellFormed()
                    || !("in progress".equals(state) || "succeeded".equals(state) || "failed".equals(state));
        }

        boolean concurrencyError() {
            return status() == 422 && "ConcurrencyError".equals(response.text("error"));
        }

        String describe() {
            return response == null ? "no usable answer: " + unreachable : response.summary();
        }
    }

    public enum Outcome {
        /** The state stays; the driver goes on with {@link Decision#next()}. */
        CONTINUE,
        PROVISIONED,
        /** Provisioning failed; {@code next} is ORPHAN_DELETE when an instance may exist. */
        FAILED,
        DEPROVISIONED,
        ORPHAN_DONE,
        /** Like CONTINUE, and the orphan has now been unconfirmed for {@code orphanAlertAfter} attempts: alert. */
        ORPHAN_ALERT
    }

    /** @param next the next step, null when nothing is left to do; the other fields are the new driving state. */
    public record Decision(Outcome outcome, DriverStep next, Instant nextAttemptAt, int attempts, Instant deadline,
                           String operation, String dashboardUrl, String reason) {
    }

    private final Settings settings;

    public ProvisioningRules(Settings settings) {
        this.settings = settings;
    }

    /** The broker's catalog could not be read or names no matching service and plan. */
    public Decision catalogUnusable(Work work, Instant now, String reason, boolean transientError) {
        if (transientError && work.attempts() + 1 < settings.maxAttempts()) {
            return retry(work, DriverStep.PROVISION, now, reason);
        }
        return failed(work, reason, false, now);
    }

    public Decision provisionAnswered(Work work, Answer answer, Instant now) {
        int status = answer.status();
        if (status == 200 || status == 201 || status == 202) {
            if (!answer.response().wellFormed()) {
                // OSB orphan mitigation table: 200 malformed → no, 201/202 malformed → yes
                return failed(work, "provision: HTTP " + status + " with a body that is not an OSB object", status != 200, now);
            }
            String tooLong = tooLong(answer.response());
            if (tooLong != null) {
                return failed(work, "provision: " + tooLong, true, now);
            }
        }
        if (status == 200 || status == 201) {
            return done(Outcome.PROVISIONED, work, Optional.ofNullable(answer.response().text("dashboard_url"))
                    .orElse(work.dashboardUrl()), null);
        }
        if (status == 202) {
            Instant deadline = now.plus(maxPollingDuration(work));
            return new Decision(Outcome.CONTINUE, DriverStep.POLL_PROVISION,
                    min(now.plus(pollDelay(answer.response().retryAfter())), deadline), 0, deadline,
                    answer.response().text("operation"), answer.response().text("dashboard_url"), null);
        }
        if (status == 408) {
            // the request did not reach the broker: nothing to mitigate, send it again
            return work.attempts() + 1 < settings.maxAttempts()
                    ? retry(work, DriverStep.PROVISION, now, "provision: " + answer.describe())
                    : failed(work, "provision: " + answer.describe(), false, now);
        }
        if (answer.concurrencyError()) {
            Instant deadline = work.deadline() != null ? work.deadline() : now.plus(maxPollingDuration(work));
            if (!now.isBefore(deadline)) {
                return failed(work, "provision: the broker reported another operation in progress for "
                        + maxPollingDuration(work).toSeconds() + " s", true, now);
            }
            return new Decision(Outcome.CONTINUE, DriverStep.PROVISION, min(now.plus(backoff(work.attempts())), deadline),
                    work.attempts() + 1, deadline, null, work.dashboardUrl(), "provision: " + answer.describe());
        }
        boolean mayExist = status < 0 || status >= 500 || (status >= 200 && status < 300);
        return failed(work, "provision: " + answer.describe(), mayExist, now);
    }

    public boolean pastDeadline(Work work, Instant now) {
        return work.deadline() != null && !now.isBefore(work.deadline());
    }

    /** The provision did not finish within the maximum polling duration: fail and delete the orphan. */
    public Decision provisionTimedOut(Work work, Instant now) {
        return failed(work, "provision did not finish within " + maxPollingDuration(work).toSeconds() + " s", true, now);
    }

    public Decision provisionPolled(Work work, Answer answer, Instant now) {
        if (answer.status() == 200) {
            String state = answer.lastOperationState();
            if ("succeeded".equals(state)) {
                return done(Outcome.PROVISIONED, work, work.dashboardUrl(), null);
            }
            if ("failed".equals(state)) {
                String description = answer.response().text("description");
                if (description != null && description.length() > 500) {
                    description = description.substring(0, 500) + "…";
                }
                return failed(work, "provision failed" + (description == null ? "" : ": " + description), true, now);
            }
            if ("in progress".equals(state)) {
                return poll(work, DriverStep.POLL_PROVISION, now.plus(pollDelay(answer.response().retryAfter())), null);
            }
        }
        // no answer, 5xx, 410 (only meaningful for a delete), or something unexpected: ask again later, until the deadline
        return poll(work, DriverStep.POLL_PROVISION, now.plus(backoff(work.attempts())), answer.describe());
    }

    public Decision orphanDeleteAnswered(Work work, Answer answer, Instant now) {
        int status = answer.status();
        if (status == 200 || status == 410) {
            return done(Outcome.ORPHAN_DONE, work, work.dashboardUrl(), null);
        }
        if (status == 202) {
            Instant deadline = now.plus(settings.maxPollingDuration());
            return new Decision(Outcome.CONTINUE, DriverStep.POLL_ORPHAN,
                    min(now.plus(pollDelay(answer.response().retryAfter())), deadline), work.attempts(), deadline,
                    fitting(answer.response().text("operation")), work.dashboardUrl(), null);
        }
        return orphanRetry(work, now, "orphan delete: " + answer.describe());
    }

    public Decision orphanPolled(Work work, Answer answer, Instant now) {
        String state = answer.status() == 200 ? answer.lastOperationState() : null;
        if (answer.status() == 410 || "succeeded".equals(state)) {
            return done(Outcome.ORPHAN_DONE, work, work.dashboardUrl(), null);
        }
        if (("in progress".equals(state) || answer.malformedLastOperation()) && !pastDeadline(work, now)) {
            Instant next = min(now.plus(pollDelay(answer.response().retryAfter())), work.deadline());
            return new Decision(Outcome.CONTINUE, DriverStep.POLL_ORPHAN, next, work.attempts(), work.deadline(),
                    work.operation(), work.dashboardUrl(), answer.malformedLastOperation()
                            ? "orphan delete: last_operation answered " + answer.describe() + " with a body that is not a last operation"
                            : null);
        }
        return orphanRetry(work, now, "orphan delete: " + answer.describe());
    }

    public Decision deprovisionAnswered(Work work, Answer answer, Instant now) {
        int status = answer.status();
        if (status == 200 || status == 410) {
            return done(Outcome.DEPROVISIONED, work, work.dashboardUrl(), null);
        }
        if (status == 202) {
            Instant deadline = now.plus(settings.maxPollingDuration());
            return new Decision(Outcome.CONTINUE, DriverStep.POLL_DEPROVISION,
                    min(now.plus(pollDelay(answer.response().retryAfter())), deadline), 0, deadline,
                    fitting(answer.response().text("operation")), work.dashboardUrl(), null);
        }
        return retry(work, DriverStep.DEPROVISION, now, "deprovision: " + answer.describe());
    }

    public Decision deprovisionPolled(Work work, Answer answer, Instant now) {
        String state = answer.status() == 200 ? answer.lastOperationState() : null;
        if (answer.status() == 410 || "succeeded".equals(state)) {
            return done(Outcome.DEPROVISIONED, work, work.dashboardUrl(), null);
        }
        if ("failed".equals(state) || pastDeadline(work, now)) {
            Work again = new Work(DriverStep.DEPROVISION, 0, null, null, work.dashboardUrl(), work.maxPollingSeconds());
            return retry(again, DriverStep.DEPROVISION, now, "deprovision: " + answer.describe());
        }
        Duration delay = "in progress".equals(state) ? pollDelay(answer.response().retryAfter()) : backoff(work.attempts());
        return poll(work, DriverStep.POLL_DEPROVISION, now.plus(delay), state == null ? answer.describe() : null);
    }

    /** Retry-After if the broker sent one, else the configured interval, kept within the configured bounds. */
    public Duration pollDelay(Optional<Duration> retryAfter) {
        Duration wanted = retryAfter.orElse(settings.pollInterval());
        if (wanted.compareTo(settings.minPollInterval()) < 0) {
            return settings.minPollInterval();
        }
        return wanted.compareTo(settings.maxPollInterval()) > 0 ? settings.maxPollInterval() : wanted;
    }

    /** The plan's {@code maximum_polling_duration} from the broker catalog, else the configured default. */
    public Duration maxPollingDuration(Work work) {
        return work.maxPollingSeconds() != null ? Duration.ofSeconds(work.maxPollingSeconds()) : settings.maxPollingDuration();
    }

    /** Exponential back-off from {@code retryBackoff}, at most {@code maxBackoff}. */
    public Duration backoff(int attempts) {
        Duration delay = settings.retryBackoff();
        for (int i = 0; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    /** Which broker value does not fit its column, or null. */
    private static String tooLong(OsbResponse response) {
        String operation = response.text("operation");
        if (operation != null && operation.length() > MAX_OPERATION) {
            return "the broker's operation is longer than " + MAX_OPERATION + " characters";
        }
        String dashboardUrl = response.text("dashboard_url");
        if (dashboardUrl != null && dashboardUrl.length() > MAX_DASHBOARD_URL) {
            return "the broker's dashboard_url is longer than " + MAX_DASHBOARD_URL + " characters";
        }
        return null;
    }

    /** A delete's operation that does not fit is dropped: last_operation is then polled without it (OSB allows that). */
    private static String fitting(String operation) {
        return operation != null && operation.length() > MAX_OPERATION ? null : operation;
    }

    private Decision poll(Work work, DriverStep step, Instant at, String reason) {
        Instant next = work.deadline() == null ? at : min(at, work.deadline());
        return new Decision(Outcome.CONTINUE, step, next, work.attempts() + 1, work.deadline(), work.operation(),
                work.dashboardUrl(), reason);
    }

    private Decision retry(Work work, DriverStep step, Instant now, String reason) {
        return new Decision(Outcome.CONTINUE, step, now.plus(backoff(work.attempts())), work.attempts() + 1, null,
                null, work.dashboardUrl(), reason);
    }

    /** Orphan mitigation never gives up: it keeps trying with capped back-off and alerts once after N attempts. */
    private Decision orphanRetry(Work work, Instant now, String reason) {
        int attempts = work.attempts() + 1;
        return new Decision(attempts == settings.orphanAlertAfter() ? Outcome.ORPHAN_ALERT : Outcome.CONTINUE,
                DriverStep.ORPHAN_DELETE, now.plus(backoff(work.attempts())), attempts, null, null, work.dashboardUrl(),
                reason);
    }

    private Decision failed(Work work, String reason, boolean deleteOrphan, Instant now) {
        return deleteOrphan
                ? new Decision(Outcome.FAILED, DriverStep.ORPHAN_DELETE, now, 0, null, null, null, reason)
                : new Decision(Outcome.FAILED, null, null, 0, null, null, null, reason);
    }

    private static Decision done(Outcome outcome, Work work, String dashboardUrl, String reason) {
        return new Decision(outcome, null, null, 0, null, null, dashboardUrl, reason);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
