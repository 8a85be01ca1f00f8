package kz.aifc.simulator.traffic;

import java.util.Locale;

/** How a run names its events (the CloudEvents {@code id}); either way unique per run, so a rerun is never a replay. */
public enum EventIds {
    /** {@code <runTag>-<n>}: readable, and in order within a run. */
    SEQUENCE,
    /**
     * A random UUID each (version 4), as CloudEvents SDKs and most firms' systems make them: what a consumer keyed by
     * event id meets in production, inserts anywhere in its index rather than at one end.
     */
    UUID;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
