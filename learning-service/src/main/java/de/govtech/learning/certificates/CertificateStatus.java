package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CertificateStatus", description = "ISSUED, or REVOKED (verification then says so)")
public enum CertificateStatus {
    ISSUED,
    REVOKED
}
