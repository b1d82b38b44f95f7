package de.govtech.platform.events.membership;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kind of local authority (Gebietskörperschaft) a member is. */
@Schema(name = "MunicipalityType", description = "Kind of local authority (Gebietskörperschaft): GEMEINDE, STADT "
        + "(kreisangehörig), KREISFREIE_STADT, LANDKREIS (keyed by its 5-digit Kreisschlüssel), AMT_VERBANDSGEMEINDE "
        + "(Amt or Verbandsgemeinde, keyed by its 9-digit Verbandsschlüssel)")
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
