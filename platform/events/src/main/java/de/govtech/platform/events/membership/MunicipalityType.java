package de.govtech.platform.events.membership;

/** Kind of local authority (Gebietskörperschaft) a member is. */
public enum MunicipalityType {
    /** Gemeinde. */
    GEMEINDE,
    /** Stadt (kreisangehörig). */
    STADT,
    /** Kreisfreie Stadt. */
    KREISFREIE_STADT,
    /** Landkreis, keyed by its 5-digit Kreisschlüssel. */
    LANDKREIS,
    /** Amt or Verbandsgemeinde, keyed by its 9-digit Verbandsschlüssel. */
    AMT_VERBANDSGEMEINDE
}
