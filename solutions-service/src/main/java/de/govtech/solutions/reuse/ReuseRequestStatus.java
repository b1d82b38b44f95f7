package de.govtech.solutions.reuse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** REQUESTED until the providing side accepts (→ an agreement) or declines it. */
@Schema(name = "ReuseRequestStatus",
        description = "REQUESTED until the providing side accepts (ACCEPTED: an agreement is concluded) or declines it (DECLINED)")
public enum ReuseRequestStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED
}
