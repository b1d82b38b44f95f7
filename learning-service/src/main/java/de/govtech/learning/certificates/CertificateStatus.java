package de.govtech.learning.certificates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CertificateStatus")
public enum CertificateStatus {
    ISSUED,
    REVOKED
}
