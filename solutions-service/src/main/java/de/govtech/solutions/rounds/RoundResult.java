package de.govtech.solutions.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** One line of a closed round's published ranking. */
@Entity
@Table(name = "round_result")
@IdClass(RoundSolutionKey.class)
class RoundResult extends PanacheEntityBase {

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
