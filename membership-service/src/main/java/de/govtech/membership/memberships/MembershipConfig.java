package de.govtech.membership.memberships;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** {@code govtech.membership.*}: the rules an admin can configure. */
@ConfigMapping(prefix = "govtech.membership")
public interface MembershipConfig {

    /** The statutes (Satzung) version applicants accept, e.g. {@code 2025-12-12}. */
    String statutesVersion();

    /** Notice period (Kündigungsfrist), ISO-8601, e.g. {@code P6M}. */
    Period noticePeriod();

    /**
     * When the end-due job runs (quarkus-scheduler cron, e.g. {@code 0 15 0 * * ?} = daily at 00:15);
     * {@code off} disables it.
     */
    @WithDefault("0 15 0 * * ?")
    String endDueCron();

    /** Payment term of fee invoices (Zahlungsziel), counted from the day of the assessment, e.g. {@code P30D}. */
    @WithDefault("P30D")
    Period feePaymentTerm();

    /** Seed the founding members at start. */
    @WithDefault("true")
    boolean seedFoundingMembers();
}
