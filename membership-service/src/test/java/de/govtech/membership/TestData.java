package de.govtech.membership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies and fixed organisation ids for the service's tests (keys are well-formed test keys). */
public final class TestData {

    /** Municipalities that test callers act for (claim municipality_id). */
    public static final String MUNICIPALITY_A = "a0000000-0000-4000-8000-00000000000a";
    public static final String MUNICIPALITY_B = "b0000000-0000-4000-8000-00000000000b";
    public static final String MUNICIPALITY_C = "c0000000-0000-4000-8000-00000000000c";
    public static final String MUNICIPALITY_D = "d0000000-0000-4000-8000-00000000000d";
    /** Heilbronn, a founding member (the dev user's municipality). */
    public static final String HEILBRONN = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd";

    private TestData() {
    }

    /** A valid Gemeinde in Baden-Württemberg with the given AGS. */
    public static Map<String, Object> gemeinde(String name, String ags) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "GEMEINDE");
        body.put("land", ags.substring(0, 2));
        body.put("population", 4711);
        body.put("populationAsOf", "2023-12-31");
        body.put("officialKey", ags);
        body.put("contacts", List.of(Map.of("name", "Erika Mustermann", "function", "IT-Leitung", "email", "it@example.org")));
        return body;
    }
}
