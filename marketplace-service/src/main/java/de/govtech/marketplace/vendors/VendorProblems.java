package de.govtech.marketplace.vendors;

import de.govtech.platform.support.problem.ProblemType;

/** Problem types of the vendor feature. */
public final class VendorProblems {

    public static final ProblemType ALREADY_REGISTERED =
            ProblemType.of("vendor-already-registered", "Vendor is already registered", 409);
    public static final ProblemType VAT_ID_TAKEN =
            ProblemType.of("vat-id-taken", "Another vendor is registered with this VAT id", 409);
    public static final ProblemType ALREADY_VERIFIED =
            ProblemType.of("vendor-already-verified", "Vendor is already verified", 409);
    public static final ProblemType NOT_VERIFIED =
            ProblemType.of("vendor-not-verified", "Vendor is not verified yet", 409);

    private VendorProblems() {
    }
}
