package kz.aifc.licensing.store;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;

/** The licence register table: one row per firm, with a version that grows on each variation. */
@ApplicationScoped
public class LicenceStore {

    /** A licence as registered, with its version (1 on registration). */
    public record StoredLicence(LicenceChanged licence, int version, java.time.OffsetDateTime updatedAt) {
    }

    private final DataSource db;

    LicenceStore(DataSource db) {
        this.db = db;
    }

    public Optional<StoredLicence> find(String firmId) {
        return Jdbc.query(db, """
                select firm_id, firm_name, licence_number, status, activities::text, effective_from, conditions::text,
                       version, updated_at from licence where firm_id = ?""", st -> st.setString(1, firmId), rs -> {
            List<Activity> activities = CloudEventCodec.mapper().readValue(rs.getString(5), new TypeReference<List<Activity>>() { });
            List<String> conditions = CloudEventCodec.mapper().readValue(rs.getString(7), new TypeReference<List<String>>() { });
            return new StoredLicence(new LicenceChanged(rs.getString(1), rs.getString(2), rs.getString(3),
                    LicenceStatus.valueOf(rs.getString(4)), activities, rs.getDate(6).toLocalDate(), conditions),
                    rs.getInt(8), rs.getObject(9, java.time.OffsetDateTime.class));
        }).stream().findFirst();
    }

    /** The firm that holds {@code licenceNumber}, if any. */
    public Optional<String> holderOf(String licenceNumber) {
        return Jdbc.query(db, "select firm_id from licence where licence_number = ?", st -> st.setString(1, licenceNumber),
                rs -> rs.getString(1)).stream().findFirst();
    }

    /** Inserts or replaces the firm's licence and answers its new version. */
    public int save(LicenceChanged l) {
        return Jdbc.query(db, """
                insert into licence (firm_id, firm_name, licence_number, status, activities, effective_from, conditions, version)
                values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, 1)
                on conflict (firm_id) do update set firm_name = excluded.firm_name, licence_number = excluded.licence_number,
                  status = excluded.status, activities = excluded.activities, effective_from = excluded.effective_from,
                  conditions = excluded.conditions, version = licence.version + 1, updated_at = now()
                returning version""", st -> {
            st.setString(1, l.firmId());
            st.setString(2, l.firmName());
            st.setString(3, l.licenceNumber());
            st.setString(4, l.status().name());
            st.setString(5, CloudEventCodec.toJson(l.activities()));
            st.setDate(6, Date.valueOf(l.effectiveFrom()));
            st.setString(7, CloudEventCodec.toJson(l.conditions()));
        }, rs -> rs.getInt(1)).get(0);
    }
}
