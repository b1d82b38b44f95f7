package de.govtech.platform.support.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;

import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.problem.DomainProblemException;
import io.quarkus.security.Authenticated;

/** A resource that only exists in the library's tests, to provoke every kind of error. */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    public enum Kind {
        GEMEINDE, STADT
    }

    public record Address(@NotBlank String street, @JsonProperty("postal_code") @Pattern(regexp = "\\d{5}") String postalCode) {
    }

    public record Sample(@NotBlank String name, Kind kind, int population, @Valid @NotNull Address address,
            List<@Valid Address> branches) {
    }

    @GET
    @Path("/{id}")
    public Sample get(@PathParam("id") long id) {
        throw DomainProblemException.notFound("Sample", id);
    }

    @GET
    public List<Sample> list(@QueryParam("page-size") @Max(100) Integer pageSize, @QueryParam("owner") UUID owner,
            @QueryParam("kind") Kind kind, @QueryParam("since") LocalDate since, @QueryParam("q") String text,
            @Valid @BeanParam PageRequest paging) {
        return List.of();
    }

    public record SampleView(String name) {
    }

    @GET
    @Path("/paged")
    public Page<SampleView> paged(@Valid @BeanParam PageRequest paging) {
        return new Page<>(List.of(), paging.page, paging.size, 0);
    }

    @GET
    @Path("/by-owner/{owner}")
    public List<Sample> byOwner(@PathParam("owner") UUID owner) {
        return List.of();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Sample create(@Valid @NotNull Sample sample) {
        return sample;
    }

    @GET
    @Path("/boom")
    public Sample boom() {
        throw new IllegalStateException("connection to db-7 refused, password=hunter2");
    }

    @GET
    @Path("/race")
    public Sample race() {
        throw new IllegalStateException("could not execute statement",
                new java.sql.SQLException("duplicate key value violates unique constraint \"sample_name_key\"", "23505"));
    }

    @GET
    @Path("/database-away")
    public Sample databaseAway() {
        throw new IllegalStateException("could not obtain a connection", new java.sql.SQLException("Sorry, acquisition timeout!"));
    }

    @GET
    @Path("/admin")
    @RolesAllowed("platform-admin")
    public String admin() {
        return "secret";
    }

    @GET
    @Path("/mine")
    @Authenticated
    public String mine() {
        return "mine";
    }
}
