package de.govtech.membership.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euro amounts: always {@link BigDecimal} with two decimals, rounded half up (kaufmännisch). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal euros(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal euros(String amount) {
        return euros(new BigDecimal(amount));
    }
}
