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

/** One line of a closed round's published ranking. */
@Entity
@Table(name = "round_result")
@IdClass(RoundResult.Key.class)
class RoundResult extends PanacheEntityBase {

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
    public int line;

    @Column(nullable = false)
    public int rank;

    @Column(nullable = false)
    public int points;

    static List<Tally.Ranked> of(UUID roundId) {
        return RoundResult.<RoundResult>list("roundId = ?1 order by line", roundId).stream()
                .map(r -> new Tally.Ranked(r.rank, r.solutionId, r.points)).toList();
    }
}
