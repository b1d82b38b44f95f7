package de.govtech.solutions.reuse;

/** REQUESTED until the providing side accepts (→ an agreement) or declines it. */
public enum ReuseRequestStatus {
    REQUESTED,
    ACCEPTED,
    DECLINED
}
