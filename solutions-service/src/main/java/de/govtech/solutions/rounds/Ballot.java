package de.govtech.solutions.rounds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A member's ballot in a round: points per candidate. One per member and round (unique constraint). */
@Entity
@Table(name = "ballot")
public class Ballot extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<UUID, Integer>> POINTS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;

    @Formula("cast(points as text)")
    public String pointsJson;

    @Column(name = "cast_by", nullable = false)
    public String castBy;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    /** How often the member cast this ballot: 1 for the first, +1 for each replacement. */
    @Column(nullable = false)
    public int revision;

    public Map<UUID, Integer> points() {
        try {
            return JSON.readValue(pointsJson, POINTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ballot " + id + " holds unreadable points", e);
        }
    }

    /**
     * Casts the member's ballot or replaces its earlier one, in one statement: the unique constraint
     * (round, municipality) turns a concurrent second ballot of the same member into an update of the first.
     *
     * @return the ballot's revision after this cast
     */
    static int castOrReplace(UUID roundId, UUID municipalityId, Map<UUID, Integer> points, String actor, Instant at) {
        String json;
        try {
            json = JSON.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Object revision = getEntityManager().createNativeQuery("""
                insert into ballot (id, round_id, municipality_id, points, cast_by, cast_at, revision)
                values (:id, :round, :municipality, cast(:points as jsonb), :actor, :at, 1)
                on conflict on constraint ballot_one_per_member do update
                   set points = excluded.points, cast_by = excluded.cast_by, cast_at = excluded.cast_at,
                       revision = ballot.revision + 1
                returning revision""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("round", roundId)
                .setParameter("municipality", municipalityId)
                .setParameter("points", json)
                .setParameter("actor", actor)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .getSingleResult();
        return ((Number) revision).intValue();
    }

    static Optional<Ballot> of(UUID roundId, UUID municipalityId) {
        return find("roundId = ?1 and municipalityId = ?2", roundId, municipalityId).firstResultOptional();
    }

    static List<Ballot> ofRound(UUID roundId) {
        return list("roundId", roundId);
    }
}
