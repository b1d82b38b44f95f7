package de.govtech.platform.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response a {@code @QuarkusTest} receives from its application through RestAssured against the
 * application's own OpenAPI document ({@link ResponseContract}) and fails the test with the operation, the status and
 * the JSON pointer of the first violation. {@link Install}, registered in {@code META-INF/services}, adds it before
 * every test of every module with this test kit on its test class path; the document is read once per application
 * (per JVM) from {@code /q/openapi}. An application without a document is not checked.
 *
 * <p>Switch: {@value #SWITCH}{@code =false} in a module's test configuration leaves its responses unchecked.
 */
public final class OpenApiResponseFilter implements OrderedFilter {

    /** The configuration property that switches the check off for a module (default {@code true}). */
    public static final String SWITCH = "govtech.testkit.validate-responses";

    private static final Map<String, Optional<ResponseContract>> CONTRACTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != RestAssured.port) {
            return response;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        Optional<ResponseContract> contract = CONTRACTS.computeIfAbsent(base, OpenApiResponseFilter::read);
        contract.flatMap(document -> document.violation(request.getMethod(), uri.getRawPath(), response.statusCode(),
                        response.contentType(), response.asString()))
                .ifPresent(violation -> {
                    throw new AssertionError("The response breaks the OpenAPI document: " + violation
                            + "\nbody: " + abbreviated(response.asString()));
                });
        return response;
    }

    private static Optional<ResponseContract> read(String base) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return document.statusCode() == 200 ? Optional.of(new ResponseContract(document.body())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the OpenAPI document at " + base, e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    /** Registered in META-INF/services: adds the filter to RestAssured before each test, unless switched off. */
    public static class Install implements QuarkusTestBeforeEachCallback {

        @Override
        public void beforeEach(QuarkusTestMethodContext context) {
            boolean enabled = ConfigProvider.getConfig().getOptionalValue(SWITCH, Boolean.class).orElse(true);
            boolean installed = RestAssured.filters().stream().anyMatch(OpenApiResponseFilter.class::isInstance);
            if (enabled && !installed) {
                RestAssured.filters(new OpenApiResponseFilter());
            } else if (!enabled && installed) {
                RestAssured.replaceFiltersWith(RestAssured.filters().stream()
                        .filter(filter -> !(filter instanceof OpenApiResponseFilter)).toList());
            }
        }
    }
}
