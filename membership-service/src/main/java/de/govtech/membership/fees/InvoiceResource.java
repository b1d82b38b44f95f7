package de.govtech.membership.fees;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import de.govtech.platform.support.security.CurrentCaller;
import de.govtech.platform.support.paging.Page;
import de.govtech.platform.support.paging.PageRequest;
import de.govtech.platform.support.security.PlatformRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Fee invoices: platform admins see and settle all, a municipality admin reads its own. */
@Path("/fees/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees")
public class InvoiceResource {

    private static final String NOT_OPEN = "The invoice is paid or cancelled already (problem type invoice-not-open)";

    private final InvoiceService invoices;
    private final CurrentCaller caller;

    public InvoiceResource(InvoiceService invoices, CurrentCaller caller) {
        this.invoices = invoices;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "listFeeInvoices", summary = "List fee invoices",
            description = "Platform admins see all; a municipality admin only those of its own municipality (another "
                    + "municipalityId → 403). state OVERDUE = OPEN past its due date; OPEN = open and not yet due.")
    @APIResponse(responseCode = "200", description = "One page of invoices, latest year first, by number")
    public Page<InvoiceView> list(
            @Parameter(description = "only this year", example = "2026", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("year") @Min(2000) @Max(2999) Integer year,
            @Parameter(description = "only this state", example = "OPEN",
                    schema = @Schema(type = SchemaType.STRING, implementation = InvoiceState.class))
            @QueryParam("state") InvoiceState state,
            @Parameter(description = "only this municipality", example = "f4ec1f01-9f1c-3d34-ba99-332841cb7bcd")
            @QueryParam("municipalityId") UUID municipalityId,
            @Valid @BeanParam PageRequest paging) {
        return invoices.list(caller.get(), new InvoiceService.Filter(year, state, municipalityId), paging);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PlatformRoles.PLATFORM_ADMIN, PlatformRoles.MUNICIPALITY_ADMIN})
    @Operation(operationId = "getFeeInvoice", summary = "Read one fee invoice",
            description = "Platform admins read any; a municipality admin only its own municipality's (else 403).")
    @APIResponse(responseCode = "200", description = "The invoice")
    public InvoiceView get(@PathParam("id") UUID id) {
        return invoices.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "markFeeInvoicePaid", summary = "Record the payment of an open or overdue invoice (→ PAID)",
            description = "The body is optional; without it paidOn is today."
                    + " Refused with 422 when paidOn lies in the future or before the invoice was issued.")
    @APIResponse(responseCode = "200", description = "The paid invoice")
    @APIResponse(responseCode = "409", description = NOT_OPEN)
    public InvoiceView markPaid(@PathParam("id") UUID id, @Valid InvoiceRequests.Payment request) {
        return invoices.markPaid(id, request == null ? null : request.paidOn());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlatformRoles.PLATFORM_ADMIN)
    @Operation(operationId = "cancelFeeInvoice", summary = "Cancel an open or overdue invoice (→ CANCELLED); reason required")
    @APIResponse(responseCode = "200", description = "The cancelled invoice")
    @APIResponse(responseCode = "409", description = NOT_OPEN)
    public InvoiceView cancel(@PathParam("id") UUID id, @Valid @NotNull InvoiceRequests.Cancellation request) {
        return invoices.cancel(id, request.reason().trim());
    }
}
