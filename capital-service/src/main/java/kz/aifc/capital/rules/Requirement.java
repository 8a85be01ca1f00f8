package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;

/**
 * The base capital a firm must hold: the highest amount among its ACTIVE licence's activities (DAA 3.2(1)(b)).
 * When some activity has no configured amount, {@link #amountUsd()} is the highest known amount, a floor that
 * is still worth checking against, and {@link #unconfigured()} lists what CAP-006 must report.
 */
public record Requirement(Status status, BigDecimal amountUsd, BaseCapital basis, List<Activity> unconfigured,
        Set<Activity> activities, LicenceStatus licenceStatus) {

    /** Whether and how far the requirement could be computed. */
    public enum Status {
        /** No licence event has been seen for the firm. */
        LICENCE_UNKNOWN,
        /** The licence is suspended or withdrawn: no ACTIVE licence to hold capital against. */
        LICENCE_NOT_ACTIVE,
        /** Every activity has an amount. */
        COMPLETE,
        /** Some activities have amounts, some do not: {@code amountUsd} is a floor. */
        PARTIAL,
        /** No activity has an amount. */
        NONE
    }

    public static Requirement of(LicenceChanged licence, CapitalRulebook rulebook, LocalDate on) {
        if (licence == null) {
            return new Requirement(Status.LICENCE_UNKNOWN, null, null, List.of(), Set.of(), null);
        }
        Set<Activity> activities = licence.activities().isEmpty() ? Set.of() : EnumSet.copyOf(licence.activities());
        if (licence.status() != LicenceStatus.ACTIVE) {
            return new Requirement(Status.LICENCE_NOT_ACTIVE, null, null, List.of(), activities, licence.status());
        }
        BaseCapital highest = null;
        List<Activity> missing = new ArrayList<>();
        for (Activity activity : activities) {
            Optional<BaseCapital> row = rulebook.baseCapital(activity, on).filter(BaseCapital::configured);
            if (row.isEmpty()) {
                missing.add(activity);
            } else if (highest == null || row.get().amountUsd().compareTo(highest.amountUsd()) > 0) {
                highest = row.get();
            }
        }
        Status status = highest == null ? Status.NONE : missing.isEmpty() ? Status.COMPLETE : Status.PARTIAL;
        return new Requirement(status, highest == null ? null : highest.amountUsd(), highest, List.copyOf(missing),
                activities, licence.status());
    }

    public boolean hasAmount() {
        return amountUsd != null;
    }
}
