package de.govtech.solutions.members;

import de.govtech.platform.events.EventPayload;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Applies membership events to the member table, inside the inbox transaction of the consumer. */
@ApplicationScoped
class MemberProjection {

    private final Clock clock;

    MemberProjection(Clock clock) {
        this.clock = clock;
    }

    void apply(EventPayload payload) {
        if (payload instanceof MemberJoined joined) {
            joined(joined);
        } else if (payload instanceof MemberSuspended suspended) {
            changeStatus(suspended.municipalityId(), suspended.suspendedAt(), MemberTransitions::suspend);
        } else if (payload instanceof MemberReinstated reinstated) {
            changeStatus(reinstated.municipalityId(), reinstated.reinstatedAt(), MemberTransitions::reinstate);
        } else if (payload instanceof MemberLeft left) {
            changeStatus(left.municipalityId(), left.leftOn().atStartOfDay().toInstant(ZoneOffset.UTC), MemberTransitions::leave);
        } else if (payload instanceof MunicipalityUpdated updated) {
            updated(updated);
        }
    }

    /** A (re-)joining municipality is ACTIVE again, whatever it was before. */
    private void joined(MemberJoined joined) {
        MemberMunicipality member = MemberMunicipality.findById(joined.municipalityId());
        if (member == null) {
            member = new MemberMunicipality();
            member.municipalityId = joined.municipalityId();
        }
        member.name = joined.name();
        member.population = joined.population();
        member.status = MemberStatus.ACTIVE;
        member.statusSince = joined.joinedOn().atStartOfDay().toInstant(ZoneOffset.UTC);
        member.updatedAt = clock.instant();
        member.persist();
    }

    private void changeStatus(UUID municipalityId, Instant since, Function<MemberStatus, Optional<MemberStatus>> transition) {
        MemberMunicipality member = MemberMunicipality.findById(municipalityId);
        Optional<MemberStatus> next = transition.apply(member == null ? null : member.status);
        if (next.isEmpty()) {
            Log.warnf("Ignoring status event for municipality %s in status %s", municipalityId,
                    member == null ? "unknown" : member.status);
            return;
        }
        member.status = next.get();
        member.statusSince = since;
        member.updatedAt = clock.instant();
    }

    private void updated(MunicipalityUpdated updated) {
        MemberMunicipality member = MemberMunicipality.findById(updated.municipalityId());
        if (member == null) {
            Log.warnf("Ignoring update of municipality %s that is not a known member", updated.municipalityId());
            return;
        }
        member.name = updated.name();
        member.population = updated.population();
        member.updatedAt = clock.instant();
    }
}
