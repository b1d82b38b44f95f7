package de.govtech.solutions.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A solution standing for selection in a round, in the order the round lists them. */
@Entity
@Table(name = "round_candidate")
@IdClass(RoundCandidate.Key.class)
class RoundCandidate extends PanacheEntityBase {

    static class Key implements Serializable {
        UUID roundId;
        UUID solutionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(roundId, key.roundId) && Objects.equals(solutionId, key.solutionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, solutionId);
        }
    }

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Id
    @Column(name = "solution_id")
    public UUID solutionId;

    @Column(nullable = false)
    public int position;

    static List<UUID> of(UUID roundId) {
        return RoundCandidate.<RoundCandidate>list("roundId = ?1 order by position", roundId).stream()
                .map(c -> c.solutionId).toList();
    }
}
