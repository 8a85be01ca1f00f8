package kz.aifc.licensing.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.platform.store.Jdbc;

/**
 * The people, controllers and licences of some firms, read once as plain rows (a query each for all of them, straight
 * into the rules' {@link PersonState} and {@link ControllerState}) and kept current in memory while changes are
 * recorded through this object: a poll of staff and controller changes re-evaluates a firm after each of its events
 * from the facts as they stand, re-deriving nothing but the list that changed, and {@link #write} sends the rows it
 * changed (each once, as it last stood) in one batched upsert per table. Tables {@code person} and {@code controller}
 * are written here only. Use it for the firms' changes only while it lives (within one transaction, with the firms
 * locked); a licence the same transaction changed through the entity {@link Licence} must be flushed before it reads.
 */
public final class FirmRecords {

    private static final String PEOPLE = """
            select firm_id, person_id, full_name, last_change, roles::text, afsa_approval, resident, seniority,
                   effective_date
            from person where firm_id = any(?)""";
    private static final String CONTROLLERS = """
            select firm_id, controller_id, name, type, holding_pct, afsa_approval, source_of_wealth,
                   array(select jsonb_array_elements_text(pending_thresholds)), effective_date, approval_date
            from controller where firm_id = any(?)""";
    private static final String LICENCES = """
            select firm_id, firm_name, licence_number, status, array(select jsonb_array_elements_text(activities)),
                   effective_from, array(select jsonb_array_elements_text(conditions))
            from licence where firm_id = any(?)""";
    private static final String UPSERT_PERSON = """
            insert into person (firm_id, person_id, full_name, last_change, roles, afsa_approval, resident, seniority,
                                effective_date, updated_at)
            values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            on conflict (firm_id, person_id) do update set full_name = excluded.full_name,
                last_change = excluded.last_change, roles = excluded.roles, afsa_approval = excluded.afsa_approval,
                resident = excluded.resident, seniority = excluded.seniority, effective_date = excluded.effective_date,
                updated_at = excluded.updated_at""";
    private static final String UPSERT_CONTROLLER = """
            insert into controller (firm_id, controller_id, name, type, holding_pct, afsa_approval, source_of_wealth,
                                    pending_thresholds, effective_date, approval_date, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            on conflict (firm_id, controller_id) do update set name = excluded.name, type = excluded.type,
                holding_pct = excluded.holding_pct, afsa_approval = excluded.afsa_approval,
                source_of_wealth = excluded.source_of_wealth, pending_thresholds = excluded.pending_thresholds,
                effective_date = excluded.effective_date, approval_date = excluded.approval_date,
                updated_at = excluded.updated_at""";

    private static final Comparator<PersonState> BY_PERSON_ID = Comparator.comparing(PersonState::personId);

    /** One firm's facts, each kind in id order, the lists rebuilt only after a change. */
    private static final class Firm {
        /**
         * In person id order, a change put in its place: a firm's roster keeps everyone who ever left, and copying it
         * after each change out of a sorted map was 8% of the service's CPU in a benchmark.
         */
        final List<PersonState> people = new ArrayList<>();
        final TreeMap<String, ControllerState> controllers = new TreeMap<>();
        LicenceChanged licence;
        List<PersonState> peopleList;
        List<ControllerState> controllersList;
    }

    /** A row to write: the firm and the state as it last stood in this unit, at the time of its last change. */
    private record Changed<S>(String firmId, S state, OffsetDateTime at) {
    }

    private final Jdbc jdbc;
    private final Map<String, Firm> firms = new HashMap<>();
    private final Map<List<String>, Changed<PersonState>> changedPeople = new LinkedHashMap<>();
    private final Map<List<String>, Changed<ControllerState>> changedControllers = new LinkedHashMap<>();

    private FirmRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the firms' records (call it with the firms locked). */
    public static FirmRecords of(Jdbc jdbc, Collection<String> firmIds) {
        FirmRecords r = new FirmRecords(jdbc);
        List<String> ids = List.copyOf(new TreeSet<>(firmIds));
        ids.forEach(id -> r.firms.put(id, new Firm()));
        jdbc.query("read the firms' people", PEOPLE, rs -> {
            PersonState p = person(rs);
            r.firms.get(rs.getString(1)).people.add(p);
            return null;
        }, ids);
        r.firms.values().forEach(f -> f.people.sort(BY_PERSON_ID));
        jdbc.query("read the firms' controllers", CONTROLLERS, rs -> {
            ControllerState c = controller(rs);
            r.firms.get(rs.getString(1)).controllers.put(c.controllerId(), c);
            return null;
        }, ids);
        jdbc.query("read the firms' licences", LICENCES, rs -> {
            r.firms.get(rs.getString(1)).licence = licence(rs);
            return null;
        }, ids);
        return r;
    }

    /** The firm's licence as the contract publishes it ({@link Licence#toEvent}); empty when not on the register. */
    public Optional<LicenceChanged> licence(String firmId) {
        return Optional.ofNullable(known(firmId).licence);
    }

    /** The firm's people in person id order. */
    public List<PersonState> people(String firmId) {
        Firm firm = known(firmId);
        if (firm.peopleList == null) {
            firm.peopleList = List.copyOf(firm.people);
        }
        return firm.peopleList;
    }

    /** The firm's controllers in controller id order. */
    public List<ControllerState> controllers(String firmId) {
        Firm firm = known(firmId);
        if (firm.controllersList == null) {
            firm.controllersList = List.copyOf(firm.controllers.values());
        }
        return firm.controllersList;
    }

    public Optional<ControllerState> controller(String firmId, String controllerId) {
        return Optional.ofNullable(known(firmId).controllers.get(controllerId));
    }

    /** Records the person as {@code state} describes them, replacing what the firm reported before ({@link #write}). */
    public void record(String firmId, PersonState state, OffsetDateTime at) {
        Firm firm = known(firmId);
        int place = Collections.binarySearch(firm.people, state, BY_PERSON_ID);
        if (place >= 0) {
            firm.people.set(place, state);
        } else {
            firm.people.add(-place - 1, state);
        }
        firm.peopleList = null;
        changedPeople.put(List.of(firmId, state.personId()), new Changed<>(firmId, state, at));
    }

    /**
     * Records the controller as {@code state} describes it, replacing what was known before ({@link #write}); kept
     * with its decimals as a read gives them back (holding without trailing zeros, thresholds from their plain text),
     * so the rules word it the same before and after the write.
     */
    public void record(String firmId, ControllerState state, OffsetDateTime at) {
        Firm firm = known(firmId);
        TreeSet<BigDecimal> thresholds = new TreeSet<>();
        state.pendingThresholds().forEach(t -> thresholds.add(new BigDecimal(t.toPlainString())));
        ControllerState stored = new ControllerState(state.controllerId(), state.name(), state.type(),
                state.holdingPct().stripTrailingZeros(), state.approval(), state.sourceOfWealthEvidence(), thresholds,
                state.effectiveDate(), state.approvalDate());
        firm.controllers.put(stored.controllerId(), stored);
        firm.controllersList = null;
        changedControllers.put(List.of(firmId, stored.controllerId()), new Changed<>(firmId, stored, at));
    }

    /** Writes the people and controllers recorded since the last write, each row once as it last stood. */
    public void write() {
        jdbc.batch("store people", UPSERT_PERSON, changedPeople.values(), (s, c) -> {
            PersonState p = c.state();
            Jdbc.bind(s, c.firmId(), p.personId(), p.fullName(), p.lastChange().name(), jsonArray(p.roles().stream()
                    .map(Enum::name).sorted().toList()), p.approval().name(), p.resident(), p.seniority().name(),
                    p.effectiveDate(), c.at());
        });
        changedPeople.clear();
        jdbc.batch("store controllers", UPSERT_CONTROLLER, changedControllers.values(), (s, c) -> {
            ControllerState k = c.state();
            Jdbc.bind(s, c.firmId(), k.controllerId(), k.name(), k.type().name(), k.holdingPct(),
                    k.approval().name(), k.sourceOfWealthEvidence(),
                    jsonArray(k.pendingThresholds().stream().map(BigDecimal::toPlainString).toList()),
                    k.effectiveDate(), k.approvalDate(), c.at());
        });
        changedControllers.clear();
    }

    private Firm known(String firmId) {
        Firm firm = firms.get(firmId);
        if (firm == null) {
            throw new IllegalStateException("firm " + firmId + " was not read into these records");
        }
        return firm;
    }

    private static PersonState person(ResultSet rs) throws SQLException {
        // The JSON array of role names as PostgreSQL prints it, ["DIRECTOR", "MLRO"]: names need no unescaping.
        String json = rs.getString(5);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        int open = json.indexOf('"');
        while (open >= 0) {
            int close = json.indexOf('"', open + 1);
            roles.add(Role.valueOf(json.substring(open + 1, close)));
            open = json.indexOf('"', close + 1);
        }
        return new PersonState(rs.getString(2), rs.getString(3), StaffChangeKind.valueOf(rs.getString(4)), roles,
                AfsaApproval.valueOf(rs.getString(6)), rs.getBoolean(7), Seniority.valueOf(rs.getString(8)),
                rs.getObject(9, LocalDate.class));
    }

    private static ControllerState controller(ResultSet rs) throws SQLException {
        TreeSet<BigDecimal> thresholds = new TreeSet<>();
        for (String t : strings(rs.getArray(8))) {
            thresholds.add(new BigDecimal(t));
        }
        return new ControllerState(rs.getString(2), rs.getString(3), CustomerType.valueOf(rs.getString(4)),
                rs.getBigDecimal(5).stripTrailingZeros(), AfsaApproval.valueOf(rs.getString(6)), rs.getBoolean(7),
                thresholds, rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
    }

    private static LicenceChanged licence(ResultSet rs) throws SQLException {
        return new LicenceChanged(rs.getString(1), rs.getString(2), rs.getString(3),
                LicenceStatus.valueOf(rs.getString(4)), strings(rs.getArray(5)).stream().map(Activity::valueOf).toList(),
                rs.getObject(6, LocalDate.class), strings(rs.getArray(7)));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return List.copyOf(out);
    }

    /** A JSON array of strings that need no escaping (enum names, plain decimals). */
    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
