package de.govtech.solutions.rounds;

import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A pilot selection round (Auswahlrunde). Ballots are accepted while it is OPEN and the voting window runs
 * ({@code votingOpensAt} ≤ now < {@code votingClosesAt}); a platform admin closes it — also before the window ends —
 * which fixes and publishes the ranking.
 */
@Entity
@Table(name = "selection_round")
public class SelectionRound extends PanacheEntityBase {

    public static final ProblemType VOTING_CLOSED = ProblemType.of("voting-closed", "The round accepts no ballots now", 409);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "points_per_member", nullable = false)
    public int pointsPerMember;

    @Column(name = "voting_opens_at", nullable = false)
    public Instant votingOpensAt;

    @Column(name = "voting_closes_at", nullable = false)
    public Instant votingClosesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoundStatus status;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "members_voted")
    public Integer membersVoted;

    @Column(name = "members_eligible")
    public Integer membersEligible;

    public boolean acceptsBallots(Instant now) {
        return status == RoundStatus.OPEN && !now.isBefore(votingOpensAt) && now.isBefore(votingClosesAt);
    }

    void requireAcceptsBallots(Instant now) {
        if (status == RoundStatus.CLOSED) {
            throw new DomainProblemException(VOTING_CLOSED, "The round was closed at " + closedAt);
        }
        if (now.isBefore(votingOpensAt)) {
            throw new DomainProblemException(VOTING_CLOSED, "Voting opens at " + votingOpensAt);
        }
        if (!now.isBefore(votingClosesAt)) {
            throw new DomainProblemException(VOTING_CLOSED, "Voting closed at " + votingClosesAt);
        }
    }

    void close(String actor, Instant at, int voted, int eligible) {
        if (status == RoundStatus.CLOSED) {
            throw DomainProblemException.conflict("The round is already closed");
        }
        status = RoundStatus.CLOSED;
        closedBy = actor;
        closedAt = at;
        membersVoted = voted;
        membersEligible = eligible;
    }

    /** Locked for a ballot: ballots share the lock, so a close (exclusive) waits for ballots in flight and vice versa. */
    static Optional<SelectionRound> forBallot(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    static Optional<SelectionRound> forClose(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
