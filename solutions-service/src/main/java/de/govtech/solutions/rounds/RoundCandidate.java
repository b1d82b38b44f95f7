package de.govtech.solutions.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A solution standing for selection in a round, in the order the round lists them. */
@Entity
@Table(name = "round_candidate")
@IdClass(RoundSolutionKey.class)
class RoundCandidate extends PanacheEntityBase {

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
