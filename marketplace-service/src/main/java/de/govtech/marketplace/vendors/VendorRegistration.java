package de.govtech.marketplace.vendors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a vendor registration; the vendor id is not part of it — it is the caller's {@code vendor_id} claim. */
@Schema(name = "VendorRegistration", description = "A vendor's registration", examples = """
        {"name": "Kommunal Digital GmbH", "legalForm": "GmbH",
         "address": {"street": "Marktplatz 1", "postalCode": "74072", "city": "Heilbronn", "country": "DE"},
         "contactEmail": "vertrieb@kommunal-digital.example", "vatId": "DE123456789"}""")
public record VendorRegistration(
        @NotBlank @Size(max = 200) @Schema(examples = "Kommunal Digital GmbH") String name,
        @NotBlank @Size(max = 100) @Schema(examples = "GmbH") String legalForm,
        @NotNull @Valid Address address,
        @NotBlank @Email @Size(max = 254) @Schema(examples = "vertrieb@kommunal-digital.example") String contactEmail,
        @NotNull @Pattern(regexp = "DE\\d{9}", message = "must be a German USt-IdNr: DE followed by 9 digits")
        @Schema(description = "Umsatzsteuer-Identifikationsnummer (USt-IdNr)", examples = "DE123456789") String vatId) {

    /** Postal address in Germany. */
    @Schema(name = "VendorAddress", description = "Postal address in Germany", examples = """
            {"street": "Marktplatz 1", "postalCode": "74072", "city": "Heilbronn", "country": "DE"}""")
    public record Address(
            @NotBlank @Size(max = 200) @Schema(examples = "Marktplatz 1") String street,
            @NotNull @Pattern(regexp = "\\d{5}", message = "must be a German postal code of 5 digits")
            @Schema(examples = "74072") String postalCode,
            @NotBlank @Size(max = 100) @Schema(examples = "Heilbronn") String city,
            @NotNull @Pattern(regexp = "DE", message = "must be DE") @Schema(examples = "DE") String country) {
    }
}
