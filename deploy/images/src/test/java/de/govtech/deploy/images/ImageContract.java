package de.govtech.deploy.images;

import java.util.ArrayList;
import java.util.List;

/**
 * What every service image must be, checked on the image's config and layer listing as the registry serves them:
 * a non-root numeric user, the service's HTTP port exposed (probes and Services reach it), the fast-jar started by a
 * plain {@code java -jar quarkus-run.jar} in the working directory with the container JVM flags, and Quarkus'
 * fast-jar layering (lib, app, quarkus and the run jar) under that directory.
 */
final class ImageContract {

    static final String WORKING_DIR = "/home/jboss";
    static final List<String> JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
    static final List<String> FAST_JAR_PARTS = List.of("lib/boot/", "lib/main/", "app/", "quarkus/", "quarkus-run.jar");

    private ImageContract() {
    }

    /** Every way the image breaks the contract; empty if it keeps it. */
    static List<String> problems(String user, List<String> entrypoint, Iterable<String> exposedPorts, String workingDir,
            List<String> layerEntries, int httpPort) {
        List<String> problems = new ArrayList<>();
        String uid = user == null ? "" : user.split(":")[0];
        if (!uid.matches("\\d+") || Integer.parseInt(uid) == 0) {
            problems.add("user must be a numeric non-root uid, is '" + user + "'");
        }
        boolean exposed = false;
        for (String port : exposedPorts) {
            exposed |= port.equals(httpPort + "/tcp");
        }
        if (!exposed) {
            problems.add("port " + httpPort + "/tcp must be exposed, exposed are " + exposedPorts);
        }
        if (!WORKING_DIR.equals(workingDir)) {
            problems.add("working directory must be " + WORKING_DIR + ", is '" + workingDir + "'");
        }
        if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java")
                || !entrypoint.subList(Math.max(0, entrypoint.size() - 2), entrypoint.size())
                        .equals(List.of("-jar", "quarkus-run.jar"))) {
            problems.add("entrypoint must be java ... -jar quarkus-run.jar, is " + entrypoint);
        }
        for (String flag : JVM_FLAGS) {
            if (!entrypoint.contains(flag)) {
                problems.add("entrypoint lacks the JVM flag " + flag);
            }
        }
        for (String part : FAST_JAR_PARTS) {
            String path = WORKING_DIR.substring(1) + "/" + part;
            if (layerEntries.stream().noneMatch(entry -> entry.startsWith(path) || entry.startsWith("./" + path))) {
                problems.add("no layer holds " + path);
            }
        }
        return problems;
    }
}
