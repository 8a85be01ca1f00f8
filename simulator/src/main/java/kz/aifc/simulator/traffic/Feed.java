package kz.aifc.simulator.traffic;

/** A scenario's stream of records, produced one at a time and deterministically for a given seed. */
public interface Feed {

    /** The next record, or null when the scenario has nothing more to say. */
    Outgoing next();
}
