package de.govtech.learning.reports;

import java.util.List;

/** The report's rows as CSV (RFC 4180, comma, CRLF); text cells that a spreadsheet would run as a formula are defused. */
public final class CompetenceCsv {

    static final String HEADER = "municipality_id,municipality_name,quarter,topic,level,learners,completions";

    private CompetenceCsv() {
    }

    public static String write(List<CompetenceRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CompetenceRow row : rows) {
            out.append(row.municipalityId()).append(',')
                    .append(cell(row.municipalityName())).append(',')
                    .append(cell(row.quarter())).append(',')
                    .append(cell(row.topic())).append(',')
                    .append(cell(row.level())).append(',')
                    .append(row.learners()).append(',')
                    .append(row.completions()).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
