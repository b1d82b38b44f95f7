package de.govtech.deploy.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.yaml has a comment on every value and group of values, and the chart's README lists every value. */
class ValuesDocumentedTest {

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z][\\w.-]*):(.*)$");
    /** Free-form maps: their keys are Kubernetes' (resources) and need no comment of their own. */
    private static final Set<String> FREE_FORM = Set.of("resources", "env", "secretEnv");

    @Test
    void everyValueHasACommentAndARowInTheReadme() throws IOException {
        List<String> lines = Files.readAllLines(Chart.directory().resolve("values.yaml"));
        String readme = Files.readString(Chart.directory().resolve("README.md"));
        Set<String> uncommented = new LinkedHashSet<>();
        Set<String> unlisted = new LinkedHashSet<>();
        Deque<String[]> path = new ArrayDeque<>();
        boolean commented = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.strip();
            if (text.startsWith("#")) {
                commented = true;
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                commented = false;
                continue;
            }
            int indent = key.group(1).length();
            while (!path.isEmpty() && Integer.parseInt(path.peekLast()[0]) >= indent) {
                path.removeLast();
            }
            boolean freeForm = path.stream().anyMatch(p -> FREE_FORM.contains(p[1]));
            path.addLast(new String[] {String.valueOf(indent), key.group(2)});
            List<String> names = new ArrayList<>();
            path.forEach(p -> names.add(p[1]));
            String exact = String.join(".", names);
            String dotted = exact.replaceFirst("^services\\.(membership|learning|solutions|marketplace)\\.", "services.<service>.");
            if (freeForm) {
                commented = false;
                continue;
            }
            if (!commented) {
                uncommented.add(dotted);
            }
            boolean leaf = !key.group(3).isBlank() || FREE_FORM.contains(key.group(2)) || listFollows(lines, i);
            if (leaf && !readme.contains("`" + dotted + "`") && !readme.contains("`" + exact + "`")) {
                unlisted.add(dotted);
            }
            commented = false;
        }
        assertTrue(uncommented.isEmpty(), () -> "values.yaml: no comment above " + uncommented);
        assertTrue(unlisted.isEmpty(), () -> "README.md does not list " + unlisted);
    }

    private static boolean listFollows(List<String> lines, int keyLine) {
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return text.startsWith("- ");
            }
        }
        return false;
    }
}
