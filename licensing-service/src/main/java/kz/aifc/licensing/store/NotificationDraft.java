package kz.aifc.licensing.store;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.store.Jdbc;

/**
 * A drafted AFSA notification (table {@code notification_draft}): one per finding (id = the alert id) or per GEN 6.2.1
 * notice, rewritten when the finding changes; the document is the draft as {@code reports/NotificationDrafts} wrote it.
 */
@Entity
@Table(name = "notification_draft")
public class NotificationDraft extends PanacheEntityBase {

    private static final String UPSERT = """
            insert into notification_draft (id, firm_id, kind, rule_id, title, created_at, updated_at, document)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (id) do update set kind = excluded.kind, title = excluded.title,
                updated_at = excluded.updated_at, document = excluded.document""";

    @Id
    public String id;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String title;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> document;

    /** The firm's drafts, newest first. */
    public static List<NotificationDraft> ofFirm(String firmId) {
        return list("firmId", Sort.descending("createdAt").and("id"), firmId);
    }

    /** One draft of the firm; a draft of another firm is not found. */
    public static Optional<NotificationDraft> of(String firmId, String id) {
        Optional<NotificationDraft> draft = findByIdOptional(id);
        return draft.filter(d -> d.firmId.equals(firmId));
    }

    /** A draft to store, or to rewrite (see {@link #saveAll}). */
    public record Save(String id, String firmId, String kind, String ruleId, String title, OffsetDateTime at,
            Map<String, Object> document) {
    }

    /**
     * Stores each draft new, or rewrites it (it keeps its firm, rule and the moment it was first drafted), in order,
     * an id possibly saved several times: one batched upsert of each id as it was last saved, bypassing the
     * persistence context (no caller reads a draft back in the transaction that saved it).
     */
    public static void saveAll(Jdbc jdbc, List<Save> saves) {
        Map<String, Save> first = new LinkedHashMap<>();
        Map<String, Save> last = new HashMap<>();
        for (Save save : saves) {
            first.putIfAbsent(save.id(), save);
            last.put(save.id(), save);
        }
        jdbc.batch("store notification drafts", UPSERT, first.values(), (s, created) -> {
            Save now = last.get(created.id());
            Jdbc.bind(s, created.id(), created.firmId(), now.kind(), created.ruleId(), now.title(), created.at(),
                    now.at(), CloudEventCodec.toJson(now.document()));
        });
    }
}
