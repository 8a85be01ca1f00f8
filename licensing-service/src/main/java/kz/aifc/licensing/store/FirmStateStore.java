package kz.aifc.licensing.store;

import java.math.BigDecimal;
import java.sql.Date;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Disclosure;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.ControllerState;
import kz.aifc.licensing.rules.PersonState;

/** Each firm's people, their disclosures and its controllers, as the consumed events left them. */
@ApplicationScoped
public class FirmStateStore {

    /** One disclosure as stored. */
    public record StoredDisclosure(String personId, Disclosure disclosure) {
    }

    private final DataSource db;

    FirmStateStore(DataSource db) {
        this.db = db;
    }

    /**
     * Serialises every change to one firm (staff and controller consumers, the licence register, other instances)
     * until the transaction ends, so two re-evaluations never race on the same alert.
     */
    public void lockFirm(String firmId) {
        lock("licensing:" + firmId);
    }

    /**
     * Serialises claims on one licence number until the transaction ends, so two firms registering the same number at
     * once get one 201 and one 409 instead of a unique-key failure. Taken after {@link #lockFirm}, never before it.
     */
    public void lockLicenceNumber(String licenceNumber) {
        lock("licensing-number:" + licenceNumber);
    }

    private void lock(String name) {
        Jdbc.query(db, "select pg_advisory_xact_lock(hashtext(?))", st -> st.setString(1, name), rs -> Boolean.TRUE);
    }

    public void savePerson(String firmId, PersonState p) {
        Jdbc.update(db, """
                insert into person (firm_id, person_id, full_name, last_change, roles, afsa_approval, resident, seniority, effective_date)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (firm_id, person_id) do update set full_name = excluded.full_name,
                  last_change = excluded.last_change, roles = excluded.roles, afsa_approval = excluded.afsa_approval,
                  resident = excluded.resident, seniority = excluded.seniority, effective_date = excluded.effective_date,
                  updated_at = now()""", st -> {
            st.setString(1, firmId);
            st.setString(2, p.personId());
            st.setString(3, p.fullName());
            st.setString(4, p.lastChange().name());
            st.setString(5, CloudEventCodec.toJson(p.roles().stream().map(Enum::name).sorted().toList()));
            st.setString(6, p.approval().name());
            st.setBoolean(7, p.resident());
            st.setString(8, p.seniority().name());
            st.setDate(9, Date.valueOf(p.effectiveDate()));
        });
    }

    public List<PersonState> people(String firmId) {
        return Jdbc.query(db, """
                select person_id, full_name, last_change, roles::text, afsa_approval, resident, seniority, effective_date
                from person where firm_id = ? order by person_id""", st -> st.setString(1, firmId), rs -> {
            List<Role> roles = CloudEventCodec.mapper().readValue(rs.getString(4), new TypeReference<List<Role>>() { });
            return new PersonState(rs.getString(1), rs.getString(2), StaffChangeKind.valueOf(rs.getString(3)),
                    java.util.Set.copyOf(roles), AfsaApproval.valueOf(rs.getString(5)), rs.getBoolean(6),
                    Seniority.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate());
        });
    }

    public void addDisclosure(String firmId, String personId, Disclosure d, String eventKey) {
        Jdbc.update(db, """
                insert into person_disclosure (firm_id, person_id, kind, occurred_on, details, event_key)
                values (?, ?, ?, ?, ?, ?)""", st -> {
            st.setString(1, firmId);
            st.setString(2, personId);
            st.setString(3, d.kind().name());
            st.setDate(4, Date.valueOf(d.occurredOn()));
            st.setString(5, d.details());
            st.setString(6, eventKey);
        });
    }

    public List<StoredDisclosure> disclosures(String firmId) {
        return Jdbc.query(db, "select person_id, kind, occurred_on, details from person_disclosure where firm_id = ? order by id",
                st -> st.setString(1, firmId), rs -> new StoredDisclosure(rs.getString(1),
                        new Disclosure(DisclosureKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4))));
    }

    public Optional<ControllerState> controller(String firmId, String controllerId) {
        return controllers(firmId).stream().filter(c -> c.controllerId().equals(controllerId)).findFirst();
    }

    public List<ControllerState> controllers(String firmId) {
        return Jdbc.query(db, """
                select controller_id, name, type, holding_pct, afsa_approval, source_of_wealth, pending_thresholds::text, effective_date
                from controller where firm_id = ? order by controller_id""", st -> st.setString(1, firmId), rs -> {
            List<String> pending = CloudEventCodec.mapper().readValue(rs.getString(7), new TypeReference<List<String>>() { });
            TreeSet<BigDecimal> thresholds = new TreeSet<>();
            pending.forEach(p -> thresholds.add(new BigDecimal(p)));
            return new ControllerState(rs.getString(1), rs.getString(2), CustomerType.valueOf(rs.getString(3)),
                    rs.getBigDecimal(4).stripTrailingZeros(), AfsaApproval.valueOf(rs.getString(5)), rs.getBoolean(6),
                    thresholds, rs.getDate(8).toLocalDate());
        });
    }

    public void saveController(String firmId, ControllerState c) {
        Jdbc.update(db, """
                insert into controller (firm_id, controller_id, name, type, holding_pct, afsa_approval, source_of_wealth,
                  pending_thresholds, effective_date)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (firm_id, controller_id) do update set name = excluded.name, type = excluded.type,
                  holding_pct = excluded.holding_pct, afsa_approval = excluded.afsa_approval,
                  source_of_wealth = excluded.source_of_wealth, pending_thresholds = excluded.pending_thresholds,
                  effective_date = excluded.effective_date, updated_at = now()""", st -> {
            st.setString(1, firmId);
            st.setString(2, c.controllerId());
            st.setString(3, c.name());
            st.setString(4, c.type().name());
            st.setBigDecimal(5, c.holdingPct());
            st.setString(6, c.approval().name());
            st.setBoolean(7, c.sourceOfWealthEvidence());
            st.setString(8, CloudEventCodec.toJson(c.pendingThresholds().stream().map(BigDecimal::toPlainString).toList()));
            st.setDate(9, Date.valueOf(c.effectiveDate()));
        });
    }

}
