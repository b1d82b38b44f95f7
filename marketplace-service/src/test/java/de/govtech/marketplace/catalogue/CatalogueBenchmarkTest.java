package de.govtech.marketplace.catalogue;

import de.govtech.marketplace.TestVendors;
import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Not part of the suite (tag {@code benchmark}, which the build excludes; the command is in the README): 10 000
 * published listings (plus 100 delisted ones the catalogue must skip) in the real test PostgreSQL, then timed
 * catalogue requests over HTTP; prints p50 / p95 / max per request and the machine's load average.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "marketplace"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@Tag("benchmark")
class CatalogueBenchmarkTest {

    static final String VENDOR = "9d4f2d85-3f41-4d6c-8a84-0000000000be";
    static final String[] WORDS = {"Bürgerportal", "Abfall", "Kalender", "Ratsinformation", "Schule", "Kita", "Parken",
            "Bibliothek", "Friedhof", "Hundesteuer", "Wahlen", "Bauantrag", "Geodaten", "Sitzung", "Termin", "Bürgerbüro"};

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenThousandListings() throws Exception {
        TestVendors.ensure(VENDOR, "Bench Anbieter", true);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into listing (id, vendor_id, slug, status, published_revision, created_at, updated_at)
                    select md5('bench' || i)::uuid, '%s', 'bench-app-' || i,
                      case when i > 10000 then 'DELISTED' else 'PUBLISHED' end, 1, now(), now()
                    from generate_series(1, 10100) i""".formatted(VENDOR));
            StringBuilder words = new StringBuilder("array[");
            for (int i = 0; i < WORDS.length; i++) {
                words.append(i == 0 ? "" : ",").append('\'').append(WORDS[i]).append('\'');
            }
            words.append(']');
            s.execute("""
                    insert into listing_revision (id, listing_id, revision, status, content, broker_url, broker_username,
                        broker_password, created_at, created_by, updated_at, decided_at, decided_by)
                    select md5('benchrev' || i)::uuid, md5('bench' || i)::uuid, 1, 'PUBLISHED',
                      jsonb_build_object(
                        'name', w[1 + i %% 16] || ' ' || w[1 + (i / 16) %% 16] || ' ' || i,
                        'summary', 'Digitale Lösung für ' || w[1 + (i / 7) %% 16] || ' und ' || w[1 + (i / 3) %% 16],
                        'description', repeat('Die Anwendung unterstützt Verwaltungen bei ' || w[1 + (i / 5) %% 16] || '. ', 20),
                        'category', (array['CITIZEN_SERVICES','ADMINISTRATION','COLLABORATION','SECURITY','FINANCE'])[1 + i %% 5],
                        'tags', jsonb_build_array(w[1 + (i / 11) %% 16]),
                        'plans', jsonb_build_array(jsonb_build_object('name','Basis','description','x','priceModel','FREE','price',0),
                                                   jsonb_build_object('name','Voll','description','y','priceModel',
                                                     (array['MONTHLY_FLAT','PER_INHABITANT_PER_YEAR'])[1 + i %% 2],'price',10.50)),
                        'compliance', jsonb_build_object('hostedInGermany', i %% 2 = 0, 'bsiC5', i %% 3 = 0,
                            'gdprDpaAvailable', true, 'bitvAccessible', i %% 4 = 0, 'openSourceLicence', null),
                        'cloudTargets', jsonb_build_array((array['stackit:eu01','ionos:de-fra','delos:de'])[1 + i %% 3]),
                        'documentationUrl', 'https://docs.example.de', 'supportUrl', 'https://support.example.de'),
                      'https://b.example.de', 'u', 'p', now(), 'bench', now(), now() - i * interval '1 minute', 'bench'
                    from generate_series(1, 10100) i, (select %s as w) words""".formatted(words));
            // what autovacuum does soon after a bulk insert: statistics and the visibility map (index-only scans)
            s.execute("vacuum analyze listing");
            s.execute("vacuum analyze listing_revision");
        }
        given().get("/api/v1/marketplace/catalogue/apps").then().statusCode(200).body("total", equalTo(10000));
        Log.info("BENCH load average before: " + loadAverage());
        // the floor on this machine: one app by slug (a primary-key read), so loaded-machine figures can be judged
        measure("baseline: one app by slug", "/bench-app-4711");
        measure("q=Kalender", "q", "Kalender");
        measure("q=Bürgerportal Termin", "q", "Bürgerportal Termin");
        measure("q=Kalender&bsiC5=true&cloudTarget=stackit:eu01", "q", "Kalender", "bsiC5", "true", "cloudTarget", "stackit:eu01");
        measure("facets of all 10 000 (no q, size=1)", "size", "1");
        measure("category=SECURITY&hostedInGermany=true&sort=NAME, page 10", "category", "SECURITY",
                "hostedInGermany", "true", "sort", "NAME", "page", "10");
        measure("no q, sort by name, page 3", "page", "3");
        measure("no q, sort by name, page 450 (items 9001-9020)", "page", "450");
        measure("sort=NEWEST, page 250", "sort", "NEWEST", "page", "250");
        Log.info("BENCH load average after: " + loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip() + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** params: query parameter names and values; an odd first element is a path below the catalogue. */
    private static void measure(String label, String... params) {
        String path = "/api/v1/marketplace/catalogue/apps";
        if (params.length % 2 == 1) {
            path += params[0];
            params = Arrays.copyOfRange(params, 1, params.length);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            var request = given();
            for (int p = 0; p < params.length; p += 2) {
                request.queryParam(params[p], params[p + 1]);
            }
            long start = System.nanoTime();
            request.get(path).then().statusCode(200);
            if (i >= 20) {
                times.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        times.sort(Long::compare);
        String line = "BENCH %s: p50 %d ms, p95 %d ms, max %d ms".formatted(label, times.get(times.size() / 2),
                times.get(times.size() * 95 / 100), times.get(times.size() - 1));
        Log.info(line);
        System.out.println(line);
    }
}
