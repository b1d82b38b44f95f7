package de.govtech.learning.reports;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompetenceCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        UUID id = UUID.fromString("11111111-2222-4333-8444-555555555555");
        String csv = CompetenceCsv.write(List.of(new CompetenceRow(id, "Stadt \"Süd\", Nord", "2026-Q1", "KI", "EINSTIEG", 2, 3),
                new CompetenceRow(id, "=HYPERLINK(\"x\")", "2026-Q2", "CLOUD", "EXPERT", 1, 1)));
        assertEquals(CompetenceCsv.HEADER + "\r\n"
                + id + ",\"Stadt \"\"Süd\"\", Nord\",2026-Q1,KI,EINSTIEG,2,3\r\n"
                + id + ",\"'=HYPERLINK(\"\"x\"\")\",2026-Q2,CLOUD,EXPERT,1,1\r\n", csv);
    }
}
