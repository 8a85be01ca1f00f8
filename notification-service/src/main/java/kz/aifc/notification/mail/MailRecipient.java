package kz.aifc.notification.mail;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One address that receives a firm's alert mail in a role (table {@code mail_recipient}). */
@Entity
@Table(name = "mail_recipient")
@IdClass(MailRecipient.Key.class)
public class MailRecipient extends PanacheEntityBase {

    @Id
    @Column(name = "firm_id")
    public String firmId;

    @Id
    public String role;

    @Id
    public String address;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static List<MailRecipient> ofFirm(String firmId) {
        return list("firmId", Sort.by("role").and("address"), firmId);
    }

    /** The primary key: firm, role and address. */
    public static class Key implements Serializable {
        public String firmId;
        public String role;
        public String address;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(firmId, k.firmId) && Objects.equals(role, k.role)
                    && Objects.equals(address, k.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(firmId, role, address);
        }
    }
}
