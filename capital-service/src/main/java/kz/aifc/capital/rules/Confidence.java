package kz.aifc.capital.rules;

/** How well a rulebook figure is sourced (DESIGN.md "The rulebook"). */
public enum Confidence {
    VERIFIED,
    SECONDARY,
    UNVERIFIED;

    static Confidence parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + ": confidence must be verified, secondary or unverified (was " + text + ")");
        }
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
