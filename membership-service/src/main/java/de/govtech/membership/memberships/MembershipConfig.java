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

    /** Seed the founding members at start. */
    @WithDefault("true")
    boolean seedFoundingMembers();
}
