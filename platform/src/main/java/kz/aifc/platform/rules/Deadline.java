package kz.aifc.platform.rules;

/**
 * The regulatory deadline a rule's finding carries: due at once, within a number of Kazakhstan business days or of
 * calendar days, or computed by the rule itself ({@link Kind#RULE}); {@code basis} says it in words, with its source.
 */
public record Deadline(Kind kind, Integer days, String basis) {

    /** How the deadline is counted. */
    public enum Kind {
        /** Due at the moment the breach is detected. */
        IMMEDIATE,
        /** Within {@code days} business days (Kazakhstan calendar, Asia/Almaty). */
        BUSINESS_DAYS,
        /** Within {@code days} calendar days. */
        CALENDAR_DAYS,
        /** The rule computes it from its parameters; {@code basis} explains it. */
        RULE
    }

    public Deadline {
        if ((kind == Kind.BUSINESS_DAYS || kind == Kind.CALENDAR_DAYS) && (days == null || days < 0)) {
            throw new RulebookException("a deadline of kind " + kind + " needs days >= 0");
        }
    }
}
