package kz.aifc.licensing.store;

import java.time.OffsetDateTime;
import java.util.HashMap;
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

/**
 * A drafted AFSA notification (table {@code notification_draft}): one per finding (id = the alert id) or per GEN 6.2.1
 * notice, rewritten when the finding changes; the document is the draft as {@code reports/NotificationDrafts} wrote it.
 */
@Entity
@Table(name = "notification_draft")
public class NotificationDraft extends PanacheEntityBase {

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

    /** Stores a new draft, or rewrites one: it keeps its firm, rule and the moment it was first drafted. */
    public static void save(String id, String firmId, String kind, String ruleId, String title, OffsetDateTime at,
            Map<String, Object> document) {
        saveAll(List.of(new Save(id, firmId, kind, ruleId, title, at, document)));
    }

    /**
     * {@link #save} for each draft in order, an id possibly saved several times, with one read of those already
     * stored; the rows go to the database when the persistence context is flushed.
     */
    public static void saveAll(List<Save> saves) {
        if (saves.isEmpty()) {
            return;
        }
        Map<String, NotificationDraft> drafts = new HashMap<>();
        NotificationDraft.<NotificationDraft>list("id in ?1", saves.stream().map(Save::id).distinct().toList())
                .forEach(d -> drafts.put(d.id, d));
        for (Save save : saves) {
            NotificationDraft d = drafts.get(save.id());
            boolean created = d == null;
            if (created) {
                d = new NotificationDraft();
                d.id = save.id();
                d.firmId = save.firmId();
                d.ruleId = save.ruleId();
                d.createdAt = save.at();
                drafts.put(d.id, d);
            }
            d.kind = save.kind();
            d.title = save.title();
            d.updatedAt = save.at();
            d.document = save.document();
            if (created) {
                d.persist();
            }
        }
    }
}
