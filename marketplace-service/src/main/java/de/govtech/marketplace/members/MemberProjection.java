package de.govtech.marketplace.members;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies membership events to the member table; runs inside the inbox transaction of the consumer. A status change
 * is announced as {@link MemberStatusChanged} in the same transaction. The member's row is locked first, the same lock
 * a completing provisioning takes, so the two never miss each other.
 */
@ApplicationScoped
public class MemberProjection {

    private final Clock clock;
    private final Event<MemberStatusChanged> changes;

    public MemberProjection(Event<MemberStatusChanged> changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public void apply(EventPayload payload) {
        if (payload instanceof MemberJoined joined) {
            joined(joined);
        } else if (payload instanceof MemberSuspended suspended) {
            changeStatus(suspended.municipalityId(), suspended.suspendedAt(), MemberTransitions::suspend, "suspension");
        } else if (payload instanceof MemberReinstated reinstated) {
            changeStatus(reinstated.municipalityId(), reinstated.reinstatedAt(), MemberTransitions::reinstate, "reinstatement");
        } else if (payload instanceof MemberLeft left) {
            changeStatus(left.municipalityId(), left.leftOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                    MemberTransitions::leave, "leaving");
        } else if (payload instanceof MunicipalityUpdated updated) {
            updated(updated);
        }
    }

    /** A (re-)joining municipality is ACTIVE again, whatever it was before. */
    private void joined(MemberJoined joined) {
        MemberMunicipality member = MemberMunicipality.findById(joined.municipalityId(), LockModeType.PESSIMISTIC_WRITE);
        MemberStatus previous = member == null ? null : member.status;
        if (member == null) {
            member = new MemberMunicipality();
            member.municipalityId = joined.municipalityId();
        }
        member.officialKey = joined.officialKey();
        member.name = joined.name();
        member.status = MemberStatus.ACTIVE;
        member.joinedOn = joined.joinedOn();
        member.statusSince = joined.joinedOn().atStartOfDay().toInstant(ZoneOffset.UTC);
        member.updatedAt = clock.instant();
        member.persist();
        if (previous != MemberStatus.ACTIVE) {
            changes.fire(new MemberStatusChanged(member.municipalityId, previous, MemberStatus.ACTIVE));
        }
    }

    private void changeStatus(UUID municipalityId, Instant since,
                              Function<MemberStatus, Optional<MemberStatus>> transition, String what) {
        MemberMunicipality member = MemberMunicipality.findById(municipalityId, LockModeType.PESSIMISTIC_WRITE);
        Optional<MemberStatus> next = transition.apply(member == null ? null : member.status);
        if (next.isEmpty()) {
            Log.warnf("Ignoring %s of municipality %s: status is %s", what, municipalityId,
                    member == null ? "unknown" : member.status);
            return;
        }
        MemberStatus previous = member.status;
        member.status = next.get();
        member.statusSince = since;
        member.updatedAt = clock.instant();
        if (previous != member.status) {
            changes.fire(new MemberStatusChanged(municipalityId, previous, member.status));
        }
    }

    private void updated(MunicipalityUpdated updated) {
        MemberMunicipality member = MemberMunicipality.findById(updated.municipalityId());
        if (member == null) {
            Log.warnf("Ignoring update of municipality %s that is not a known member", updated.municipalityId());
            return;
        }
        member.officialKey = updated.officialKey();
        member.name = updated.name();
        member.updatedAt = clock.instant();
    }
}
