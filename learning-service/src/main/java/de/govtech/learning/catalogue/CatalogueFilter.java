package de.govtech.learning.catalogue;

import de.govtech.learning.courses.CourseFormat;
import de.govtech.learning.courses.CourseLevel;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Search text and filters of a catalogue search (query parameters); unset filters do not restrict. */
public class CatalogueFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "German full-text search over title, summary and description (web-search syntax)",
            example = "Sprachmodelle Verwaltung")
    public String q;

    @QueryParam("topic")
    @Size(max = 40)
    @Parameter(description = "only courses of this topic code", example = "KI")
    public String topic;

    @QueryParam("level")
    @Parameter(description = "only courses of this level")
    public CourseLevel level;

    @QueryParam("format")
    @Parameter(description = "only courses of this format")
    public CourseFormat format;

    String text() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}
