package de.govtech.membership.memberships;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.security.PlatformRoles;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * Runs the end-due logic ({@code POST /memberships/end-due}) on the cron {@code govtech.membership.end-due-cron}
 * (default daily at 00:15, Europe/Berlin; {@code off} disables it). Safe with several instances: each membership is
 * ended under a row lock, so a membership ends — and {@code member-left} is written — once.
 */
@ApplicationScoped
public class EndDueJob {

    /** The history's "who" of a transition made by this job. */
    public static final String ACTOR = "system:end-due-job";

    private final MembershipService memberships;

    public EndDueJob(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Scheduled(identity = "end-due-memberships", cron = "${govtech.membership.end-due-cron}", timeZone = "Europe/Berlin",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public EndedMemberships run() {
        EndedMemberships ended = memberships.endDue(new Caller(ACTOR, ACTOR, Set.of(PlatformRoles.PLATFORM_ADMIN), Optional.empty(), Optional.empty()));
        if (!ended.membershipIds().isEmpty()) {
            Log.infof("Ended %d membership(s) whose last day has passed: %s", ended.membershipIds().size(), ended.membershipIds());
        }
        return ended;
    }
}
