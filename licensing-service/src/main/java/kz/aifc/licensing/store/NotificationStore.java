package kz.aifc.licensing.store;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import kz.aifc.contract.codec.CloudEventCodec;

/** Drafted AFSA notifications as JSON documents, one per finding (id = alert id). */
@ApplicationScoped
public class NotificationStore {

    private static final TypeReference<Map<String, Object>> DOC = new TypeReference<>() { };

    private final DataSource db;

    NotificationStore(DataSource db) {
        this.db = db;
    }

    public void save(String id, String firmId, String kind, String ruleId, String title, OffsetDateTime at,
            Map<String, Object> document) {
        Jdbc.update(db, """
                insert into notification_draft (id, firm_id, kind, rule_id, title, created_at, updated_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (id) do update set kind = excluded.kind, title = excluded.title,
                  updated_at = excluded.updated_at, document = excluded.document""", st -> {
            st.setString(1, id);
            st.setString(2, firmId);
            st.setString(3, kind);
            st.setString(4, ruleId);
            st.setString(5, title);
            st.setTimestamp(6, Timestamp.from(at.toInstant()));
            st.setTimestamp(7, Timestamp.from(at.toInstant()));
            st.setString(8, CloudEventCodec.toJson(document));
        });
    }

    public Optional<Map<String, Object>> find(String firmId, String id) {
        return Jdbc.query(db, "select document::text from notification_draft where firm_id = ? and id = ?", st -> {
            st.setString(1, firmId);
            st.setString(2, id);
        }, rs -> CloudEventCodec.mapper().readValue(rs.getString(1), DOC)).stream().findFirst();
    }

    public List<Map<String, Object>> list(String firmId) {
        return Jdbc.query(db, "select document::text from notification_draft where firm_id = ? order by created_at desc, id",
                st -> st.setString(1, firmId), rs -> CloudEventCodec.mapper().readValue(rs.getString(1), DOC));
    }
}
