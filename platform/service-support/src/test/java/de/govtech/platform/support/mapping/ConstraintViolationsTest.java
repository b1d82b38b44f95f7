package de.govtech.platform.support.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.govtech.platform.support.problem.FieldError;
import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

class ConstraintViolationsTest {

    record Address(@NotBlank String street, @JsonProperty("postal_code") @Pattern(regexp = "\\d{5}") String postalCode) {
    }

    record Contact(@NotBlank String email) {
    }

    record Application(@NotBlank String name, @Valid @NotNull Address address, List<@Valid Contact> contacts,
            List<@NotBlank String> tags) {
    }

    public static class Resource {
        public void apply(@Valid @NotNull Application body) {
        }

        public void list(@QueryParam("page-size") @Max(100) int pageSize, @RestQuery @Max(10) int page,
                @HeaderParam("X-Municipality") @Pattern(regexp = "\\d{8}") String municipality) {
        }

        public void get(@PathParam("ags") @Pattern(regexp = "\\d{8}") String officialKey) {
        }

        public void applyAll(List<@Valid Contact> contacts) {
        }

        @NotNull
        public String describe(int id) {
            return null;
        }
    }

    /** What CDI generates for intercepted beans: an override without the parameter annotations. */
    public static class ResourceSubclass extends Resource {
        @Override
        public void list(int pageSize, int page, String municipality) {
        }
    }

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;
    private final ConstraintViolations violations = new ConstraintViolations(new ObjectMapper());

    @BeforeAll
    static void createValidator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void namesBodyFieldsByTheirJsonPathWithoutMethodAndParameter() throws Exception {
        Application body = new Application(" ", new Address("", "123"), List.of(new Contact("ok@example.org"), new Contact("")),
                List.of("a", ""));

        Problem problem = violations.toProblem(validate(new Resource(), "apply", body));

        assertEquals(ProblemType.VALIDATION_FAILED.type(), problem.type());
        assertEquals(400, problem.status());
        assertEquals(List.of("address.postal_code", "address.street", "contacts[1].email", "name", "tags[1]"), fields(problem));
        assertEquals("The request has 5 invalid values.", problem.detail());
    }

    @Test
    void aMissingBodyHasNoFieldName() throws Exception {
        Problem problem = violations.toProblem(validate(new Resource(), "apply", (Object) null));

        assertEquals(List.of(new FieldError(null, "must not be null")), problem.errors());
    }

    @Test
    void namesRequestParametersAsDeclaredInTheirAnnotations() throws Exception {
        Problem problem = violations.toProblem(validate(new Resource(), "list", 500, 11, "12x"));

        assertEquals(List.of("X-Municipality", "page", "page-size"), fields(problem));
    }

    @Test
    void findsTheAnnotationsBehindAGeneratedSubclass() throws Exception {
        Problem problem = violations.toProblem(validate(new ResourceSubclass(), "list", 500, 0, "12345678"));

        assertEquals(List.of(new FieldError("page-size", "must be less than or equal to 100")), problem.errors());
    }

    @Test
    void namesPathParametersByTheirTemplateName() throws Exception {
        Problem problem = violations.toProblem(validate(new Resource(), "get", "abc"));

        assertEquals(List.of("ags"), fields(problem));
    }

    @Test
    void indexesElementsOfAListBody() throws Exception {
        Problem problem = violations.toProblem(validate(new Resource(), "applyAll", List.of(new Contact("a@b.de"), new Contact(" "))));

        assertEquals(List.of("[1].email"), fields(problem));
    }

    @Test
    void namesPropertiesOfABeanValidatedDirectly() {
        Set<ConstraintViolation<Address>> result = validator.validate(new Address("Marktplatz 1", "7410"));

        assertEquals(List.of("postal_code"), fields(violations.toProblem(result)));
    }

    @Test
    void returnValueViolationsAreTheServersFault() throws Exception {
        Method method = Resource.class.getMethod("apply", Application.class);
        Set<ConstraintViolation<Resource>> invalidParameters = validator.forExecutables()
                .validateParameters(new Resource(), method, new Object[] { null });

        assertFalse(ConstraintViolations.concernReturnValue(invalidParameters));

        Method describe = Resource.class.getMethod("describe", int.class);
        Set<ConstraintViolation<Resource>> invalidResult = validator.forExecutables()
                .validateReturnValue(new Resource(), describe, null);
        assertTrue(ConstraintViolations.concernReturnValue(invalidResult));
    }

    private static Set<ConstraintViolation<Resource>> validate(Resource resource, String name, Object... args) {
        Method method = List.of(Resource.class.getMethods()).stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        Set<ConstraintViolation<Resource>> result = validator.forExecutables().validateParameters(resource, method, args);
        assertFalse(result.isEmpty(), "expected violations");
        return result;
    }

    private static List<String> fields(Problem problem) {
        return problem.errors().stream().map(FieldError::field).toList();
    }
}
