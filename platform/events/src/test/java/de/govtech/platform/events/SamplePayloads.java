package de.govtech.platform.events;

import de.govtech.platform.events.learning.CertificateIssued;
import de.govtech.platform.events.learning.CertificateRevoked;
import de.govtech.platform.events.learning.CoursePublished;
import de.govtech.platform.events.learning.EnrolmentCancelled;
import de.govtech.platform.events.learning.EnrolmentCreated;
import de.govtech.platform.events.learning.EnrolmentPromoted;
import de.govtech.platform.events.learning.CourseCompleted;
import de.govtech.platform.events.marketplace.AppDelisted;
import de.govtech.platform.events.marketplace.AppDeprovisioned;
import de.govtech.platform.events.marketplace.AppProvisioned;
import de.govtech.platform.events.marketplace.AppPublished;
import de.govtech.platform.events.marketplace.ProvisioningFailed;
import de.govtech.platform.events.membership.MemberJoined;
import de.govtech.platform.events.membership.MemberLeft;
import de.govtech.platform.events.membership.MemberReinstated;
import de.govtech.platform.events.membership.MemberSuspended;
import de.govtech.platform.events.membership.MunicipalityType;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sample payload per registered type, plus the payload field that holds the aggregate id. The municipality
 * data is Stadt Heilbronn as given in shared/data/founding-members.csv (key, ARS and population with sources there).
 */
public final class SamplePayloads {

    static final UUID HEILBRONN = UUID.fromString("3f0c6b1e-5d2a-4c7e-9a41-0b8e2f6d7c15");
    static final UUID COURSE = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");
    static final UUID ENROLMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
    static final UUID CERTIFICATE = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000003");
    static final UUID SOLUTION = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000004");
    static final UUID AGREEMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000005");
    static final UUID APP = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000006");
    static final UUID VENDOR = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000007");
    static final UUID PLAN = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000008");
    static final UUID SUBSCRIPTION = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000009");
    static final UUID SESSION = UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000a");
    static final UUID ROUND = UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000b");
    static final UUID ESCHWEGE = UUID.fromString("7c1e4a52-2b9d-4f0e-8c3a-5d6e7f809a1b");
    static final Instant AT = Instant.parse("2026-02-03T10:15:30.123Z");

    private SamplePayloads() {
    }

    static MemberJoined memberJoined() {
        return new MemberJoined(HEILBRONN, "08121000", "081210000000", "Stadt Heilbronn",
                MunicipalityType.KREISFREIE_STADT, "08", 130093, true, LocalDate.of(2025, 12, 12));
    }

    public static Map<EventType, EventPayload> all() {
        Map<EventType, EventPayload> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.MEMBER_JOINED, memberJoined());
        samples.put(EventType.MEMBER_LEFT, new MemberLeft(HEILBRONN, LocalDate.of(2027, 12, 31), null));
        samples.put(EventType.MEMBER_SUSPENDED, new MemberSuspended(HEILBRONN, AT, "fee for 2026 unpaid"));
        samples.put(EventType.MEMBER_REINSTATED, new MemberReinstated(HEILBRONN, AT, "fee paid"));
        samples.put(EventType.MUNICIPALITY_UPDATED, new MunicipalityUpdated(HEILBRONN, "08121000", null,
                "Stadt Heilbronn", MunicipalityType.KREISFREIE_STADT, "08", null));
        samples.put(EventType.MUNICIPALITY_VERIFIED, new MunicipalityVerified(HEILBRONN, "08121000", "Stadt Heilbronn", AT));
        samples.put(EventType.MUNICIPALITY_REJECTED, new MunicipalityRejected(HEILBRONN, "08121000", "Stadt Heilbronn",
                "Der Schlüssel gehört der Stadt Heilbronn, nicht dem anmeldenden Konto", AT));
        samples.put(EventType.COURSE_PUBLISHED, new CoursePublished(COURSE, "ki-grundlagen", "KI-Grundlagen für die Verwaltung",
                "KI", "EINSTIEG", "BLENDED", List.of(APP), AT));
        samples.put(EventType.ENROLMENT_CREATED, new EnrolmentCreated(ENROLMENT, COURSE, SESSION,
                "f6b3a0c2-learner-sub", HEILBRONN, "WAITLISTED", 3, AT));
        samples.put(EventType.ENROLMENT_PROMOTED, new EnrolmentPromoted(ENROLMENT, COURSE, SESSION,
                "f6b3a0c2-learner-sub", HEILBRONN, AT));
        samples.put(EventType.ENROLMENT_CANCELLED, new EnrolmentCancelled(ENROLMENT, COURSE, null,
                "f6b3a0c2-learner-sub", HEILBRONN, "member left the association", AT));
        samples.put(EventType.CERTIFICATE_REVOKED, new CertificateRevoked(CERTIFICATE, COURSE,
                "f6b3a0c2-learner-sub", HEILBRONN, "K7Q2-9XMA", "issued in error", AT));
        samples.put(EventType.SOLUTION_PROPOSED, new SolutionProposed(SOLUTION, "Digitaler Bauantrag", "Bauen & Wohnen",
                HEILBRONN, AT));
        samples.put(EventType.SOLUTION_STATUS_CHANGED, new SolutionStatusChanged(SOLUTION, "PROPOSED", "SHORTLISTED",
                "chosen in the 2026 selection round", "platform-admin-sub", AT));
        samples.put(EventType.SELECTION_ROUND_OPENED, new SelectionRoundOpened(ROUND, "Pilotauswahl 2026",
                List.of(SOLUTION), 10, AT, AT.plusSeconds(14 * 24 * 3600), AT));
        samples.put(EventType.SELECTION_ROUND_CLOSED, new SelectionRoundClosed(ROUND,
                List.of(new SelectionRoundClosed.RankedCandidate(1, SOLUTION, 42)), 9, 13, AT));
        samples.put(EventType.SOLUTION_RETIRED, new SolutionRetired(SOLUTION, "superseded", AT));
        samples.put(EventType.COURSE_COMPLETED, new CourseCompleted(ENROLMENT, COURSE,
                "f6b3a0c2-learner-sub", HEILBRONN, AT));
        samples.put(EventType.CERTIFICATE_ISSUED, new CertificateIssued(CERTIFICATE, COURSE,
                "f6b3a0c2-learner-sub", HEILBRONN, "K7Q2-9XMA", AT));
        samples.put(EventType.SOLUTION_RELEASED_FOR_REUSE, new SolutionReleasedForReuse(SOLUTION,
                "Digitaler Bauantrag", "EUPL-1.2", AT, "Bauanträge digital stellen und bearbeiten", "Bauen & Wohnen",
                "https://example.org/bauantrag.git", "stable", "/api/v1/solutions/solutions/" + SOLUTION + "/reuse-requests"));
        samples.put(EventType.REUSE_AGREED, new ReuseAgreed(AGREEMENT, SOLUTION, HEILBRONN, AT, List.of(HEILBRONN, ESCHWEGE)));
        samples.put(EventType.APP_PUBLISHED, new AppPublished(APP, VENDOR, "buergerportal", "Bürgerportal", 1, AT));
        samples.put(EventType.APP_DELISTED, new AppDelisted(APP, VENDOR, "vendor ended the offering", AT));
        samples.put(EventType.APP_PROVISIONED, new AppProvisioned(SUBSCRIPTION, APP, PLAN, HEILBRONN,
                "sample-cloud", "https://dashboard.example.org/instances/1", AT));
        samples.put(EventType.APP_DEPROVISIONED, new AppDeprovisioned(SUBSCRIPTION, APP, HEILBRONN, AT));
        samples.put(EventType.PROVISIONING_FAILED, new ProvisioningFailed(SUBSCRIPTION, APP, PLAN, HEILBRONN,
                "sample-cloud", "broker answered 500", AT));
        return samples;
    }

    /** The payload field holding the aggregate id (CloudEvents subject, Kafka key) of each type. */
    static String aggregateField(EventType type) {
        return switch (type) {
            case MEMBER_JOINED, MEMBER_LEFT, MEMBER_SUSPENDED, MEMBER_REINSTATED, MUNICIPALITY_UPDATED, MUNICIPALITY_VERIFIED,
                 MUNICIPALITY_REJECTED -> "municipalityId";
            case COURSE_PUBLISHED -> "courseId";
            case ENROLMENT_CREATED, ENROLMENT_PROMOTED, ENROLMENT_CANCELLED, COURSE_COMPLETED -> "enrolmentId";
            case CERTIFICATE_ISSUED, CERTIFICATE_REVOKED -> "certificateId";
            case SOLUTION_PROPOSED, SOLUTION_STATUS_CHANGED, SOLUTION_RELEASED_FOR_REUSE, SOLUTION_RETIRED -> "solutionId";
            case SELECTION_ROUND_OPENED, SELECTION_ROUND_CLOSED -> "roundId";
            case REUSE_AGREED -> "agreementId";
            case APP_PUBLISHED, APP_DELISTED -> "appId";
            case APP_PROVISIONED, APP_DEPROVISIONED, PROVISIONING_FAILED -> "subscriptionId";
        };
    }
}
