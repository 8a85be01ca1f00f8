package kz.aifc.platform.rules;

import java.util.Locale;

/**
 * How well a rule or a figure is sourced (DESIGN.md "The rulebook"): read in the rule text, from a secondary source,
 * given by no source (a configurable default to confirm with AFSA), or an internal choice of this system.
 */
public enum Confidence {
    VERIFIED,
    SECONDARY,
    UNVERIFIED,
    INTERNAL;

    /** Parses the rulebook's lower-case spelling. */
    public static Confidence parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new RulebookException(where + ": confidence must be verified, secondary, unverified or internal (was "
                    + text + ")");
        }
    }

    /** The rulebook's spelling: {@code verified}, {@code secondary}, {@code unverified}, {@code internal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
