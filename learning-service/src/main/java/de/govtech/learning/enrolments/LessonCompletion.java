package de.govtech.learning.enrolments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lesson a learner completed within an enrolment. */
@Entity
@Table(name = "lesson_completion")
public class LessonCompletion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "enrolment_id") UUID enrolmentId, @Column(name = "lesson_id") UUID lessonId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    public static List<UUID> lessonsOf(UUID enrolmentId) {
        return getEntityManager().createQuery("select c.key.lessonId from LessonCompletion c "
                        + "where c.key.enrolmentId = :enrolment order by c.completedAt, c.key.lessonId", UUID.class)
                .setParameter("enrolment", enrolmentId).getResultList();
    }
}
