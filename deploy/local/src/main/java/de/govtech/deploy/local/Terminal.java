package de.govtech.deploy.local;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The launcher's output. On a terminal a single status line is redrawn in place (progress while waiting);
 * written to a file or a pipe, every line is a plain line. Falls back to ASCII symbols when the locale is not
 * UTF-8, so a POSIX shell does not print question marks.
 */
final class Terminal {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean unicode;
    private String status = "";

    Terminal(PrintStream out, PrintStream err, boolean interactive, boolean unicode) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.unicode = unicode;
    }

    static Terminal system() {
        boolean unicode = utf8Locale();
        Charset charset = unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        return new Terminal(out, err, System.console() != null, unicode);
    }

    private static boolean utf8Locale() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                String lower = value.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return StandardCharsets.UTF_8.equals(Charset.defaultCharset());
    }

    PrintStream out() {
        return out;
    }

    boolean interactive() {
        return interactive;
    }

    String ok() {
        return unicode ? "✔" : "OK";
    }

    String failed() {
        return unicode ? "✘" : "FAILED";
    }

    String ellipsis() {
        return unicode ? "…" : "...";
    }

    String dash() {
        return unicode ? "—" : "-";
    }

    synchronized void println(String line) {
        clearStatusLine();
        out.println(line);
        redrawStatusLine();
    }

    synchronized void error(String line) {
        clearStatusLine();
        out.flush();
        err.println(line);
        err.flush();
        redrawStatusLine();
    }

    /** Shows (on a terminal) or forgets (elsewhere) a transient line that the next call replaces. */
    synchronized void status(String line) {
        if (!interactive) {
            return;
        }
        status = line == null ? "" : line;
        out.print(CLEAR_LINE + status);
        out.flush();
    }

    synchronized void clearStatus() {
        clearStatusLine();
        status = "";
    }

    private void clearStatusLine() {
        if (interactive && !status.isEmpty()) {
            out.print(CLEAR_LINE);
        }
    }

    private void redrawStatusLine() {
        if (interactive && !status.isEmpty()) {
            out.print(status);
            out.flush();
        }
    }
}
