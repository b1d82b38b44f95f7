package de.govtech.learning.certificates;

import java.time.format.DateTimeFormatter;

/** The small accessible HTML page of a certificate verification; every value is escaped. */
final class VerificationPage {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private VerificationPage() {
    }

    static String render(Verification v) {
        String status = v.status() == CertificateStatus.ISSUED ? "Gültig" : "Widerrufen";
        return """
                <!DOCTYPE html>
                <html lang="de">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Zertifikatsprüfung: %s</title>
                </head>
                <body>
                <main>
                <h1>Zertifikat %s</h1>
                <dl>
                <dt>Inhaberin oder Inhaber</dt><dd>%s</dd>
                <dt>Kurs</dt><dd>%s</dd>
                <dt>Ausgestellt am</dt><dd><time datetime="%s">%s</time></dd>
                <dt>Aussteller</dt><dd>%s</dd>
                <dt>Status</dt><dd data-status="%s">%s</dd>
                </dl>
                </main>
                </body>
                </html>
                """.formatted(escape(v.courseTitle()), escape(status.toLowerCase()), escape(v.holderName()),
                escape(v.courseTitle()), v.issuedOn(), v.issuedOn().format(GERMAN_DATE), escape(v.issuerName()),
                v.status(), escape(status));
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
