package de.govtech.learning.certificates;

import de.govtech.learning.courses.Course;
import de.govtech.learning.enrolments.Enrolment;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.UUID;

/** A certificate issued through the service for an enrolment made in the database. */
final class CertificateFixtures {

    private CertificateFixtures() {
    }

    static Certificate issued(UUID enrolmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.findById(enrolmentId);
            enrolment.complete(Instant.now());
            return Arc.container().instance(CertificateService.class).get()
                    .issue(enrolment, Course.findById(enrolment.courseId), Instant.now());
        });
    }

    static Certificate certificate(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>findById(id));
    }
}
