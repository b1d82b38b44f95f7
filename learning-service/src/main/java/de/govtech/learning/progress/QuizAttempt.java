package de.govtech.learning.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A graded quiz attempt; every attempt is kept. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;
    @Column(name = "lesson_id", nullable = false)
    public UUID lessonId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;
    @Column(name = "score_percent", nullable = false)
    public int scorePercent;
    @Column(nullable = false)
    public boolean passed;
    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
