package de.govtech.learning.courses;

import de.govtech.platform.support.security.Caller;
import de.govtech.platform.support.persistence.UniqueViolations;
import de.govtech.platform.events.learning.CoursePublished;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.ProblemType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Authoring of courses (platform admins and learning editors; the resource checks the roles). */
@ApplicationScoped
public class CourseService {

    private final Clock clock;
    private final Outbox outbox;

    public CourseService(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public CourseView create(Caller caller, CourseRequest body) {
        validate(body);
        if (Course.count("slug", body.slug()) > 0) {
            throw slugTaken(body.slug());
        }
        Course course = Course.draft(UUID.randomUUID(), body, caller.subject(), clock.instant());
        try {
            course.persistAndFlush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, "course_slug_key")) {
                throw slugTaken(body.slug());
            }
            throw e;
        }
        return CourseView.of(course);
    }

    @Transactional
    public void revise(UUID id, CourseRequest body) {
        Course course = find(id);
        validate(body);
        if (Course.count("slug = ?1 and id <> ?2", body.slug(), id) > 0) {
            throw slugTaken(body.slug());
        }
        course.revise(body, clock.instant());
    }

    @Transactional
    public void defineCompletion(UUID id, CompletionCriteria criteria) {
        Course course = find(id);
        requireValid(CourseRules.completion(criteria, course.lessons(), course.format));
        course.defineCompletion(criteria, clock.instant());
    }

    @Transactional
    public CourseView publish(UUID id) {
        Course course = find(id);
        if (course.status == CourseStatus.DRAFT) {
            List<FieldError> errors = new ArrayList<>();
            if (course.lessons().isEmpty()) {
                errors.add(new FieldError("modules", "a course needs at least one lesson to be published"));
            }
            CourseRules.completion(course.completionCriteria(), course.lessons(), course.format).stream()
                    .map(error -> new FieldError("completion." + error.field(), error.message()))
                    .forEach(errors::add);
            if (!errors.isEmpty()) {
                throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                        "Course " + id + " is not ready to be published", errors);
            }
        }
        course.publish(clock.instant());
        outbox.append(new CoursePublished(course.id, course.slug, course.title, course.topic, course.level.name(),
                course.format.name(), course.linkedAppIds.stream().sorted().toList(), course.publishedAt));
        return CourseView.of(course);
    }

    @Transactional
    public CourseView archive(UUID id) {
        Course course = find(id);
        course.archive(clock.instant());
        return CourseView.of(course);
    }

    @Transactional
    public CourseView get(UUID id) {
        return CourseView.of(find(id));
    }

    @Transactional
    public Page<CourseView> list(PageRequest paging, Optional<CourseStatus> status) {
        Sort order = Sort.by("updatedAt", Sort.Direction.Descending).and("id");
        var query = status.map(s -> Course.<Course>find("status", order, s)).orElseGet(() -> Course.findAll(order));
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(CourseView::of).toList(),
                paging.page, paging.size, query.count());
    }

    @Transactional
    public List<TopicView> topics() {
        return Topic.<Topic>listAll(Sort.by("code")).stream().map(t -> new TopicView(t.code, t.label)).toList();
    }

    @Transactional
    public TopicView topic(String code) {
        Topic topic = Topic.findById(code);
        if (topic == null) {
            throw DomainProblemException.notFound("Topic", code);
        }
        return new TopicView(topic.code, topic.label);
    }

    @Transactional
    public TopicView addTopic(TopicView body) {
        if (Topic.findById(body.code()) != null) {
            throw new DomainProblemException(CourseProblems.TOPIC_TAKEN, "Topic " + body.code() + " exists already", "code");
        }
        Topic topic = new Topic();
        topic.code = body.code();
        topic.label = body.label().strip();
        topic.createdAt = clock.instant();
        topic.persist();
        return new TopicView(topic.code, topic.label);
    }

    private void validate(CourseRequest body) {
        List<FieldError> errors = new ArrayList<>(CourseRules.content(body.modules()));
        if (Topic.findById(body.topic().strip()) == null) {
            errors.add(new FieldError("topic", "must be one of the managed topics (GET /topics)"));
        }
        requireValid(errors);
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new DomainProblemException(ProblemType.UNPROCESSABLE_CONTENT,
                    "The course has " + errors.size() + " invalid value(s).", errors);
        }
    }

    private static Course find(UUID id) {
        Course course = Course.findById(id);
        if (course == null) {
            throw DomainProblemException.notFound("Course", id);
        }
        return course;
    }

    private static DomainProblemException slugTaken(String slug) {
        return new DomainProblemException(CourseProblems.SLUG_TAKEN, "Another course has the slug " + slug, "slug");
    }
}
