package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.aifc.contract.v1.Activity;
import kz.aifc.platform.rules.Rule;

/**
 * The capital rules' typed parameters, read by {@link RulebookParser} from the service's rulebook (the one format
 * every service uses, {@code kz.aifc.platform.rules.Rulebook}).
 *
 * @param bufferPercent          CAP-002 early-warning trigger, percent of the requirement
 * @param liquidAssetsFraction   CAP-003 fraction of annual operating expenditure (PRU(INV) 4.2)
 * @param liquidTestActivities   the activities that put a firm under PRU(INV): CAP-003 and CAP-001's 6.5 limit apply
 * @param liquidTestFirms        firms under PRU(INV) whatever their activities
 * @param maxGap                 CAP-005 longest tolerated time since the latest snapshot's {@code asOf}
 * @param pruInvNoticeDays       CAP-001's outer limit for a firm under PRU(INV), in business days (PRU(INV) 6.5)
 */
public record CapitalRulebook(String version, LocalDate effectiveFrom, List<BaseCapital> baseCapital,
        Map<String, Rule> rules, BigDecimal bufferPercent, BigDecimal liquidAssetsFraction,
        Set<Activity> liquidTestActivities, Set<String> liquidTestFirms, Duration maxGap, int pruInvNoticeDays) {

    public static final String CAP_001 = "CAP-001";
    public static final String CAP_002 = "CAP-002";
    public static final String CAP_003 = "CAP-003";
    public static final String CAP_004 = "CAP-004";
    public static final String CAP_005 = "CAP-005";
    public static final String CAP_006 = "CAP-006";
    /** Configuration: a business-day deadline in a year the calendar does not cover (internal). */
    public static final String CAP_007 = "CAP-007";

    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalStateException("rulebook " + version + " has no rule " + id);
        }
        return rule;
    }

    /** The row in force for an activity on a date; empty when the rulebook has none. */
    public Optional<BaseCapital> baseCapital(Activity activity, LocalDate on) {
        return baseCapital.stream().filter(b -> b.activity() == activity && b.effectiveOn(on)).findFirst();
    }

    /** Whether CAP-003 applies: domain-facts A6 says not to assume PRU(INV) 4.2 for a DATF or DASP. */
    public boolean liquidTestApplies(String firmId, Set<Activity> activities) {
        return pruInvReason(firmId, activities).isPresent();
    }

    /**
     * Why the firm is under PRU(INV) in this rulebook (the firm or an activity CAP-003 lists), or empty when it is
     * not: the text read cannot settle it for digital-asset firms (domain-facts A6, A7, H13), so it is configured.
     */
    public Optional<String> pruInvReason(String firmId, Set<Activity> activities) {
        if (liquidTestFirms.contains(firmId)) {
            return Optional.of("firm " + firmId + " is listed in CAP-003.appliesToFirms");
        }
        return activities.stream().filter(liquidTestActivities::contains).map(Enum::name).sorted().findFirst()
                .map(a -> "its licence lists " + a + ", an activity in CAP-003.appliesToActivities");
    }
}
