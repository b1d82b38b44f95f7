package de.govtech.learning.certificates;

import de.govtech.learning.courses.Course;
import de.govtech.learning.enrolments.Enrolment;
import de.govtech.platform.support.security.Caller;
import de.govtech.learning.workshops.WorkshopSessionView;
import de.govtech.platform.events.learning.CertificateIssued;
import de.govtech.platform.events.learning.CertificateRevoked;
import de.govtech.platform.messaging.outbox.Outbox;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Issues, shows, revokes and verifies certificates. */
@ApplicationScoped
public class CertificateService {

    private static final Pattern CODE = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Outbox outbox;
    private final OpenBadgeCredentials credentials;
    private final CredentialsConfig config;

    public CertificateService(Clock clock, Outbox outbox, OpenBadgeCredentials credentials, CredentialsConfig config) {
        this.clock = clock;
        this.outbox = outbox;
        this.credentials = credentials;
        this.config = config;
    }

    /** Issues the certificate of a just completed enrolment, in the caller's transaction; emits certificate-issued. */
    public Certificate issue(Enrolment enrolment, Course course, Instant at) {
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.enrolmentId = enrolment.id;
        certificate.courseId = course.id;
        certificate.courseTitle = course.title;
        certificate.learnerId = enrolment.learnerId;
        certificate.holderName = enrolment.learnerName;
        certificate.municipalityId = enrolment.municipalityId;
        certificate.verificationCode = newCode();
        certificate.status = CertificateStatus.ISSUED;
        certificate.issuedAt = at;
        certificate.persist();
        outbox.append(new CertificateIssued(certificate.id, course.id, certificate.learnerId, certificate.municipalityId,
                certificate.verificationCode, at));
        return certificate;
    }

    @Transactional
    public Page<CertificateView> list(Caller caller, PageRequest paging) {
        Sort order = Sort.by("issuedAt", Sort.Direction.Descending).and("id");
        PanacheQuery<Certificate> query;
        if (caller.isPlatformAdmin()) {
            query = Certificate.findAll(order);
        } else if (caller.isMunicipalityAdmin()) {
            query = Certificate.find("municipalityId = :m", order, Parameters.with("m", caller.requireMunicipality()));
        } else {
            query = Certificate.find("municipalityId = :m and learnerId = :l", order,
                    Parameters.with("m", caller.requireMunicipality()).and("l", caller.subject()));
        }
        return new Page<>(query.page(paging.page, paging.size).list().stream().map(CertificateView::of).toList(),
                paging.page, paging.size, query.count());
    }

    @Transactional
    public CertificateView get(Caller caller, UUID id) {
        return CertificateView.of(visible(caller, id));
    }

    @Transactional
    public String credential(Caller caller, UUID id) {
        Certificate certificate = visible(caller, id);
        if (certificate.isRevoked()) {
            throw new DomainProblemException(CertificateProblems.ALREADY_REVOKED,
                    "Certificate " + id + " is revoked; its credential is no longer handed out");
        }
        Course course = Course.findById(certificate.courseId);
        return credentials.credential(certificate, course.summary);
    }

    @Transactional
    public CertificateView revoke(UUID id, String reason) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null) {
            throw DomainProblemException.notFound("Certificate", id);
        }
        certificate.revoke(reason, clock.instant());
        outbox.append(new CertificateRevoked(certificate.id, certificate.courseId, certificate.learnerId,
                certificate.municipalityId, certificate.verificationCode, reason, certificate.revokedAt));
        return CertificateView.of(certificate);
    }

    /** The public view of a certificate; an unknown or malformed code is 404. */
    @Transactional
    public Verification verify(String code) {
        Optional<Certificate> found = code != null && CODE.matcher(code).matches() ? Certificate.byCode(code) : Optional.empty();
        Certificate certificate = found.orElseThrow(() -> DomainProblemException.notFound("Certificate", "with this code"));
        return new Verification(certificate.holderName, certificate.courseTitle,
                certificate.issuedAt.atZone(WorkshopSessionView.BERLIN).toLocalDate(), config.issuerName(),
                certificate.status);
    }

    private Certificate visible(Caller caller, UUID id) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null || !CertificateAccess.mayRead(caller, certificate)) {
            throw DomainProblemException.notFound("Certificate", id);
        }
        return certificate;
    }

    private String newCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
