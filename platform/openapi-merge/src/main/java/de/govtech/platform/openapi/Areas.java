package de.govtech.platform.openapi;

/** Names derived from an area (the route name of a service: membership, learning, solutions, marketplace). */
final class Areas {

    private Areas() {
    }

    /** The REST base path every service of the platform uses, and the gateway routes: {@code /api/v1/<area>}. */
    static String basePath(String area) {
        return "/api/v1/" + area;
    }

    /** {@code membership} → {@code Membership}, {@code sample-broker} → {@code SampleBroker}. */
    static String prefix(String area) {
        StringBuilder prefix = new StringBuilder();
        boolean upper = true;
        for (char c : area.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                prefix.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return prefix.toString();
    }

    /** {@code membership} + {@code listMine} → {@code membershipListMine}. */
    static String prefixedId(String area, String operationId) {
        String prefix = prefix(area);
        String lowerPrefix = prefix.isEmpty() ? "" : Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1);
        return operationId.isEmpty() ? lowerPrefix
                : lowerPrefix + Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1);
    }
}
