package de.govtech.learning.courses;

import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A course (Kurs) of the learning programme; its state changes live here. */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String slug;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String summary;
    @Column(nullable = false)
    public String description;
    @Column(nullable = false)
    public String topic;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseLevel level;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseFormat format;
    @Column(name = "expected_hours", nullable = false)
    public BigDecimal expectedHours;
    @Column(nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    String modules;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    String completion;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "course_app", joinColumns = @JoinColumn(name = "course_id"))
    @Column(name = "app_id")
    public Set<UUID> linkedAppIds = new LinkedHashSet<>();
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "archived_at")
    public Instant archivedAt;

    static Course draft(UUID id, CourseRequest content, String by, Instant at) {
        Course course = new Course();
        course.id = id;
        course.status = CourseStatus.DRAFT;
        course.createdAt = at;
        course.createdBy = by;
        course.completion = CourseJson.write(CompletionCriteria.ALL_LESSONS);
        course.write(content, at);
        return course;
    }

    /** Replaces the content of a draft. */
    void revise(CourseRequest content, Instant at) {
        requireDraft("revised");
        write(content, at);
    }

    void defineCompletion(CompletionCriteria criteria, Instant at) {
        requireDraft("given new completion criteria");
        completion = CourseJson.write(criteria);
        updatedAt = at;
    }

    void publish(Instant at) {
        requireDraft("published");
        status = CourseStatus.PUBLISHED;
        publishedAt = at;
        updatedAt = at;
    }

    void archive(Instant at) {
        if (status != CourseStatus.PUBLISHED) {
            throw new DomainProblemException(CourseProblems.NOT_PUBLISHED, "Course " + id + " is " + status
                    + "; only a published course can be archived");
        }
        status = CourseStatus.ARCHIVED;
        archivedAt = at;
        updatedAt = at;
    }

    public boolean isPublished() {
        return status == CourseStatus.PUBLISHED;
    }

    public List<CourseModule> modules() {
        return CourseJson.modules(modules);
    }

    public CompletionCriteria completionCriteria() {
        return CourseJson.completion(completion);
    }

    public List<Lesson> lessons() {
        return modules().stream().flatMap(module -> module.lessons().stream()).toList();
    }

    private void write(CourseRequest content, Instant at) {
        slug = content.slug();
        title = content.title().strip();
        summary = content.summary().strip();
        description = content.description().strip();
        topic = content.topic().strip();
        level = content.level();
        format = content.format();
        expectedHours = content.expectedHours();
        language = content.language() == null ? "de" : content.language();
        modules = CourseJson.write(content.modules().stream().map(CourseModule::withIds).toList());
        linkedAppIds.clear();
        if (content.linkedAppIds() != null) {
            linkedAppIds.addAll(content.linkedAppIds());
        }
        updatedAt = at;
    }

    private void requireDraft(String what) {
        if (status != CourseStatus.DRAFT) {
            throw new DomainProblemException(CourseProblems.NOT_DRAFT, "Course " + id + " is " + status
                    + " and cannot be " + what);
        }
    }
}
