package de.govtech.membership.founding;

import de.govtech.membership.memberships.Membership;
import de.govtech.membership.memberships.MembershipConfig;
import de.govtech.membership.memberships.MembershipStatus;
import de.govtech.membership.memberships.MembershipTransition;
import de.govtech.membership.municipalities.Municipality;
import de.govtech.membership.municipalities.MunicipalityPopulation;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Seeds the 13 founding members as ACTIVE founding memberships joined on {@link FoundingMember#FOUNDED_ON}, each
 * with its {@code member-joined}, in one transaction per member. Idempotent: a member whose founding membership
 * exists is skipped, so each {@code member-joined} is written exactly once however often (and on however many
 * instances at once) the service starts — the primary key of the municipality and the unique index
 * {@code membership_founding_once_uq} make a concurrent second seeder fail and roll back instead of duplicating.
 * Existing municipality data (possibly corrected by an admin) is never overwritten.
 */
@ApplicationScoped
public class FoundingMemberSeeder {

    static final String ACTOR = "system:founding-members";

    private final Outbox outbox;
    private final MembershipConfig config;

    public FoundingMemberSeeder(Outbox outbox, MembershipConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.seedFoundingMembers()) {
            int seeded = seed();
            Log.infof("Founding members: %d seeded now, %d present in total", seeded, FoundingMembersCsv.load().size());
        }
    }

    /** Seeds what is missing; returns how many founding memberships this call created. */
    public int seed() {
        int seeded = 0;
        for (FoundingMember member : missing(FoundingMembersCsv.load())) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> seedOne(member))) {
                    seeded++;
                }
            } catch (RuntimeException e) {
                if (!(UniqueViolations.of(e, "municipality_pkey") || UniqueViolations.of(e, "membership_founding_once_uq")
                        || UniqueViolations.of(e, "membership_pkey"))) {
                    throw e;
                }
                Log.infof("Founding member %s was seeded concurrently by another instance", member.name());
            }
        }
        return seeded;
    }

    /**
     * The members without a founding membership, found by one query (every start but the first finds none, and then
     * opens no transaction per member); each is checked again in its own transaction, where another instance may
     * have seeded it meanwhile.
     */
    private static List<FoundingMember> missing(List<FoundingMember> members) {
        Set<UUID> seeded = QuarkusTransaction.requiringNew().call(() -> Set.copyOf(Membership.getEntityManager()
                .createQuery("select m.municipalityId from Membership m where m.founding = true", UUID.class)
                .getResultList()));
        return members.stream().filter(member -> !seeded.contains(member.municipalityId())).toList();
    }

    private boolean seedOne(FoundingMember member) {
        UUID municipalityId = member.municipalityId();
        if (Membership.count("municipalityId = ?1 and founding = true", municipalityId) > 0) {
            return false;
        }
        Instant now = Instant.now();
        Municipality municipality = Municipality.findById(municipalityId);
        if (municipality == null) {
            municipality = new Municipality();
            municipality.id = municipalityId;
            municipality.name = member.name();
            municipality.type = member.type();
            municipality.land = member.land();
            municipality.officialKey = member.officialKey();
            municipality.ars = member.ars();
            municipality.population = member.population();
            municipality.verify(ACTOR, now);
            municipality.createdAt = now;
            municipality.updatedAt = now;
            municipality.persist();
            if (member.population() != null) {
                MunicipalityPopulation.record(municipalityId, member.population(),
                        member.populationDate() == null ? FoundingMember.FOUNDED_ON : member.populationDate(),
                        "founding-members.csv", ACTOR, now);
            }
        }
        Membership membership = new Membership();
        membership.id = UUID.nameUUIDFromBytes(("govtech:founding-membership:" + member.officialKey())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        membership.municipalityId = municipalityId;
        membership.status = MembershipStatus.ACTIVE;
        membership.founding = true;
        membership.statutesVersion = config.statutesVersion();
        membership.appliedAt = FoundingMember.FOUNDED_ON.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        membership.joinedOn = FoundingMember.FOUNDED_ON;
        membership.persistAndFlush();
        MembershipTransition.record(membership.id, null, MembershipStatus.ACTIVE, ACTOR, now, "founding member");
        outbox.append(new MemberJoined(municipality.id, municipality.officialKey, municipality.ars, municipality.name,
                municipality.type, municipality.land, municipality.population, true, FoundingMember.FOUNDED_ON));
        return true;
    }

    /** The founding members' municipality ids, in file order. */
    public static List<UUID> municipalityIds() {
        return FoundingMembersCsv.load().stream().map(FoundingMember::municipalityId).toList();
    }
}
