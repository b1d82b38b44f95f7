package de.govtech.platform.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One invalid input value: {@code field} names it as the client sent it (a JSON property path such as
 * {@code address.postalCode} or {@code members[2].ags}, or a query, path or header parameter name). It is absent
 * when the request body as a whole is meant.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message) {
}
