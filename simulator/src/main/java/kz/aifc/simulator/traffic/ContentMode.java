package kz.aifc.simulator.traffic;

import java.util.Locale;

/** CloudEvents content mode of the records sent; services must accept both (contract/README.md §1). */
public enum ContentMode {
    BINARY,
    STRUCTURED,
    /** Each record picks a mode at random, as a firm with several producing systems would. */
    MIXED;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
