package de.govtech.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkus.vertx.http.runtime.AuthRuntimeConfig;
import io.quarkus.vertx.http.runtime.PolicyMappingConfig;

/**
 * The path policies of {@code quarkus.http.auth.permission.*}, read from the same configuration Quarkus security
 * enforces, for one question each: may an anonymous caller make this request, and does every policy let any
 * authenticated caller through. Both answers err on the side of "ask Quarkus security": a path counts as public only
 * when a {@code permit} set names it (exactly, or strictly below a {@code /*} path) for its method and no other set
 * names it as specifically or more; the catch-all {@code /*} is the least specific of all.
 */
final class PathPermissions {

    private static final String PERMIT = "permit";
    private static final Set<String> ADMITTING_ANY_AUTHENTICATED = Set.of(PERMIT, "authenticated");

    private final List<PermissionSet> sets;

    PathPermissions(List<PermissionSet> sets) {
        this.sets = List.copyOf(sets);
    }

    /**
     * The permission sets as Quarkus security has them (its configuration mapping, so environment variables count
     * too). A set bound to an authentication mechanism counts as asking for more than a valid token; a {@code permit}
     * set for Quarkus REST endpoints only does not make a route group's path public.
     */
    static PathPermissions from(AuthRuntimeConfig auth) {
        List<PermissionSet> sets = new ArrayList<>();
        auth.permissions().forEach((name, set) -> {
            boolean restOnly = set.appliesTo() == PolicyMappingConfig.AppliesTo.JAXRS;
            if (!set.enabled().orElse(true) || (restOnly && PERMIT.equals(set.policy()))) {
                return;
            }
            String policy = set.authMechanism().isPresent() ? "mechanism-bound " + set.policy() : set.policy();
            sets.add(new PermissionSet(policy, set.paths().orElse(List.of()),
                    set.methods().orElse(List.of()).stream().map(method -> method.trim().toUpperCase(Locale.ROOT))
                            .toList()));
        });
        return new PathPermissions(sets);
    }

    /** Whether a {@code permit} set lets an anonymous caller make this request and no other set names the path. */
    boolean permitsAnonymous(String method, String path) {
        int permitted = -1;
        for (PermissionSet set : sets) {
            if (PERMIT.equals(set.policy()) && (set.methods().isEmpty() || set.methods().contains(method))) {
                permitted = Math.max(permitted, set.specificity(path, false));
            }
        }
        if (permitted < 0) {
            return false;
        }
        for (PermissionSet set : sets) {
            if (!PERMIT.equals(set.policy()) && set.specificity(path, true) >= permitted) {
                return false;
            }
        }
        return true;
    }

    /** Whether every configured policy admits any caller with a valid token (no roles, no denials). */
    boolean admitEveryAuthenticatedCaller() {
        return sets.stream().allMatch(set -> ADMITTING_ANY_AUTHENTICATED.contains(set.policy()));
    }

    record PermissionSet(String policy, List<String> paths, List<String> methods) {

        /**
         * How specifically this set names the path (the length of its matching path), or -1. With
         * {@code includingBase}, {@code /a/*} also names {@code /a} itself, as Quarkus matches it.
         */
        int specificity(String path, boolean includingBase) {
            int best = -1;
            for (String candidate : paths) {
                String pattern = candidate.trim();
                if (pattern.endsWith("/*")) {
                    String base = pattern.substring(0, pattern.length() - 1);
                    boolean below = path.startsWith(base) && path.length() > base.length();
                    boolean atBase = includingBase && path.equals(base.substring(0, base.length() - 1));
                    if (below || atBase || (includingBase && path.equals(base))) {
                        best = Math.max(best, pattern.length());
                    }
                } else if (pattern.equals(path)) {
                    best = Math.max(best, pattern.length());
                }
            }
            return best;
        }
    }
}
