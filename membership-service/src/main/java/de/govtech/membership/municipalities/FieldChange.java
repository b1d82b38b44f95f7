package de.govtech.membership.municipalities;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MasterDataChange", description = "One field of a change request: its value before and after (absent: none)",
        examples = """
        {"field": "population", "from": "4711", "to": "5210"}""")
public record FieldChange(
        @Schema(description = "population, type, officialKey, land or ars", examples = "population") String field,
        @Schema(examples = "4711") String from,
        @Schema(examples = "5210") String to) {
}
