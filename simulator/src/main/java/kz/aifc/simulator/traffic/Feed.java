package kz.aifc.simulator.traffic;

/** A scenario's stream of records, produced one at a time and deterministically for a given seed. */
public interface Feed {

    /** The next record, or null when the scenario has nothing more to say. */
    Outgoing next();

    /**
     * How many records at the head of the stream are the firms' onboarding (every firm's roster and controllers,
     * nothing else in between); a sender may wait for them to be applied before the rest. 0 when there is none.
     */
    default int onboardingRecords() {
        return 0;
    }
}
