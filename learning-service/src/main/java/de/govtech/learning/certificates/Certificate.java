package de.govtech.learning.certificates;

import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A certificate (Teilnahmezertifikat) for a completed enrolment, publicly verifiable by its code. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;
    @Column(name = "course_id", nullable = false)
    public UUID courseId;
    @Column(name = "course_title", nullable = false)
    public String courseTitle;
    @Column(name = "learner_id", nullable = false)
    public String learnerId;
    @Column(name = "holder_name", nullable = false)
    public String holderName;
    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;
    @Column(name = "verification_code", nullable = false)
    public String verificationCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoke_reason")
    public String revokeReason;

    void revoke(String reason, Instant at) {
        if (status == CertificateStatus.REVOKED) {
            throw new DomainProblemException(CertificateProblems.ALREADY_REVOKED, "Certificate " + id + " is already revoked");
        }
        status = CertificateStatus.REVOKED;
        revokedAt = at;
        revokeReason = reason;
    }

    public boolean isRevoked() {
        return status == CertificateStatus.REVOKED;
    }

    static Optional<Certificate> byCode(String code) {
        return find("verificationCode", code).firstResultOptional();
    }
}
