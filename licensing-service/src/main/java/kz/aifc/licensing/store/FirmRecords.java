package kz.aifc.licensing.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.PersonState;

/**
 * The people, controllers and licences of some firms, read once (a query each for all of them) and kept as the
 * managed entities while changes are recorded through this object: a poll of staff and controller changes
 * re-evaluates a firm after each of its events without reading the firm again, and no query makes Hibernate flush in
 * between, so the poll's writes go to PostgreSQL at the commit, in JDBC batches. Use it for the firms' changes only
 * while it lives (within one transaction).
 */
public final class FirmRecords {

    private final Map<String, TreeMap<String, Person>> people = new HashMap<>();
    private final Map<String, TreeMap<String, Controller>> controllers = new HashMap<>();
    private final Map<String, Licence> licences = new HashMap<>();

    private FirmRecords() {
    }

    /** Reads the firms' records (call it with the firms locked). */
    public static FirmRecords of(Collection<String> firmIds) {
        FirmRecords r = new FirmRecords();
        List<String> ids = new ArrayList<>(firmIds);
        for (String firmId : ids) {
            r.people.put(firmId, new TreeMap<>());
            r.controllers.put(firmId, new TreeMap<>());
        }
        Person.<Person>list("firmId in ?1", ids).forEach(p -> r.people.get(p.firmId).put(p.personId, p));
        Controller.<Controller>list("firmId in ?1", ids).forEach(c -> r.controllers.get(c.firmId).put(c.controllerId, c));
        Licence.<Licence>list("firmId in ?1", ids).forEach(l -> r.licences.put(l.firmId, l));
        return r;
    }

    public Optional<Licence> licence(String firmId) {
        return Optional.ofNullable(licences.get(firmId));
    }

    /** The firm's people in person id order, as {@link Person#ofFirm}. */
    public List<Person> people(String firmId) {
        return List.copyOf(known(people, firmId).values());
    }

    /** The firm's controllers in controller id order, as {@link Controller#ofFirm}. */
    public List<Controller> controllers(String firmId) {
        return List.copyOf(known(controllers, firmId).values());
    }

    public Optional<Controller> controller(String firmId, String controllerId) {
        return Optional.ofNullable(known(controllers, firmId).get(controllerId));
    }

    /** {@link Person#record}, kept here too. */
    public void record(String firmId, PersonState state, OffsetDateTime at) {
        TreeMap<String, Person> firm = known(people, firmId);
        firm.put(state.personId(), Person.record(firm.get(state.personId()), firmId, state, at));
    }

    /** {@link Controller#record}, kept here too. */
    public void record(String firmId, ControllerState state, OffsetDateTime at) {
        TreeMap<String, Controller> firm = known(controllers, firmId);
        firm.put(state.controllerId(), Controller.record(firm.get(state.controllerId()), firmId, state, at));
    }

    private static <T> TreeMap<String, T> known(Map<String, TreeMap<String, T>> byFirm, String firmId) {
        TreeMap<String, T> firm = byFirm.get(firmId);
        if (firm == null) {
            throw new IllegalStateException("firm " + firmId + " was not read into these records");
        }
        return firm;
    }
}
