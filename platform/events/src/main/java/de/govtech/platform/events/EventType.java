package de.govtech.platform.events;

import de.govtech.platform.events.learning.CertificateIssued;
import de.govtech.platform.events.learning.CertificateRevoked;
import de.govtech.platform.events.learning.CourseCompleted;
import de.govtech.platform.events.learning.CoursePublished;
import de.govtech.platform.events.learning.EnrolmentCancelled;
import de.govtech.platform.events.learning.EnrolmentCreated;
import de.govtech.platform.events.learning.EnrolmentPromoted;
import de.govtech.platform.events.marketplace.AppDelisted;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.events.marketplace.AppPublished;
import de.govtech.platform.events.marketplace.ProvisioningFailed;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityRejected;
import de.govtech.platform.events.membership.MunicipalityUpdated;
import de.govtech.platform.events.membership.MunicipalityVerified;
import de.govtech.platform.events.solutions.ReuseAgreed;
import de.govtech.platform.events.solutions.SelectionRoundClosed;
import de.govtech.platform.events.solutions.SelectionRoundOpened;
import de.govtech.platform.events.solutions.SolutionProposed;
import de.govtech.platform.events.solutions.SolutionReleasedForReuse;
import de.govtech.platform.events.solutions.SolutionRetired;
import de.govtech.platform.events.solutions.SolutionStatusChanged;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of event types: for each its CloudEvents {@code type} name, area (topic, source), payload record
 * and JSON Schema resource. Adding a type means adding a constant here, a payload record, a schema file and an
 * AsyncAPI message (see the module README).
 */
public enum EventType {

    MEMBER_JOINED(MemberJoined.TYPE, EventArea.MEMBERSHIP, MemberJoined.class),
    MEMBER_LEFT(MemberLeft.TYPE, EventArea.MEMBERSHIP, MemberLeft.class),
    MEMBER_SUSPENDED(MemberSuspended.TYPE, EventArea.MEMBERSHIP, MemberSuspended.class),
    MEMBER_REINSTATED(MemberReinstated.TYPE, EventArea.MEMBERSHIP, MemberReinstated.class),
    MUNICIPALITY_UPDATED(MunicipalityUpdated.TYPE, EventArea.MEMBERSHIP, MunicipalityUpdated.class),
    MUNICIPALITY_VERIFIED(MunicipalityVerified.TYPE, EventArea.MEMBERSHIP, MunicipalityVerified.class),
    MUNICIPALITY_REJECTED(MunicipalityRejected.TYPE, EventArea.MEMBERSHIP, MunicipalityRejected.class),

    COURSE_PUBLISHED(CoursePublished.TYPE, EventArea.LEARNING, CoursePublished.class),
    ENROLMENT_CREATED(EnrolmentCreated.TYPE, EventArea.LEARNING, EnrolmentCreated.class),
    ENROLMENT_PROMOTED(EnrolmentPromoted.TYPE, EventArea.LEARNING, EnrolmentPromoted.class),
    ENROLMENT_CANCELLED(EnrolmentCancelled.TYPE, EventArea.LEARNING, EnrolmentCancelled.class),
    COURSE_COMPLETED(CourseCompleted.TYPE, EventArea.LEARNING, CourseCompleted.class),
    CERTIFICATE_ISSUED(CertificateIssued.TYPE, EventArea.LEARNING, CertificateIssued.class),
    CERTIFICATE_REVOKED(CertificateRevoked.TYPE, EventArea.LEARNING, CertificateRevoked.class),

    SOLUTION_PROPOSED(SolutionProposed.TYPE, EventArea.SOLUTIONS, SolutionProposed.class),
    SOLUTION_STATUS_CHANGED(SolutionStatusChanged.TYPE, EventArea.SOLUTIONS, SolutionStatusChanged.class),
    SELECTION_ROUND_OPENED(SelectionRoundOpened.TYPE, EventArea.SOLUTIONS, SelectionRoundOpened.class),
    SELECTION_ROUND_CLOSED(SelectionRoundClosed.TYPE, EventArea.SOLUTIONS, SelectionRoundClosed.class),
    SOLUTION_RELEASED_FOR_REUSE(SolutionReleasedForReuse.TYPE, EventArea.SOLUTIONS, SolutionReleasedForReuse.class),
    REUSE_AGREED(ReuseAgreed.TYPE, EventArea.SOLUTIONS, ReuseAgreed.class),
    SOLUTION_RETIRED(SolutionRetired.TYPE, EventArea.SOLUTIONS, SolutionRetired.class),

    APP_PUBLISHED(AppPublished.TYPE, EventArea.MARKETPLACE, AppPublished.class),
    APP_DELISTED(AppDelisted.TYPE, EventArea.MARKETPLACE, AppDelisted.class),
    APP_PROVISIONED(AppProvisioned.TYPE, EventArea.MARKETPLACE, AppProvisioned.class),
    APP_DEPROVISIONED(AppDeprovisioned.TYPE, EventArea.MARKETPLACE, AppDeprovisioned.class),
    PROVISIONING_FAILED(ProvisioningFailed.TYPE, EventArea.MARKETPLACE, ProvisioningFailed.class);

    /** Classpath folder of the JSON Schemas, one {@code <type name>.json} per type. */
    public static final String SCHEMA_DIRECTORY = "govtech/events/schemas/";

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<? extends EventPayload>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String typeName;
    private final EventArea area;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String typeName, EventArea area, Class<? extends EventPayload> payloadClass) {
        this.typeName = typeName;
        this.area = area;
        this.payloadClass = payloadClass;
    }

    /** CloudEvents {@code type}, e.g. {@code de.govtech.membership.member-joined.v1}. */
    public String typeName() {
        return typeName;
    }

    public EventArea area() {
        return area;
    }

    /** Kafka topic the type is published to. */
    public String topic() {
        return area.topic();
    }

    /** CloudEvents {@code source} of the type, e.g. {@code /membership-service}. */
    public String source() {
        return area.source();
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** Classpath resource of the type's JSON Schema, e.g. {@code govtech/events/schemas/<type name>.json}. */
    public String schemaResource() {
        return SCHEMA_DIRECTORY + typeName + ".json";
    }

    /** The type with this CloudEvents {@code type} name, empty for a type this library does not know. */
    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(typeName).map(BY_NAME::get);
    }

    /** The type with this name; throws {@link UnknownEventTypeException} for an unknown name. */
    public static EventType forName(String typeName) {
        return byName(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
    }

    /** The type whose payload record is {@code payloadClass}. */
    public static EventType of(Class<? extends EventPayload> payloadClass) {
        EventType type = BY_PAYLOAD.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a registered event payload");
        }
        return type;
    }

    /** All types published to {@code topic}, in declaration order. */
    public static List<EventType> forTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic().equals(topic)).toList();
    }
}
