package kz.aifc.aml.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.store.Inbox;
import kz.aifc.platform.store.Jdbc;

/**
 * Each firm's latest licence state (table {@code aml_firm_licence}, from aifc.licences): what aml-service needs of the
 * register is whether a firm is a DATF operator (DAA 2.13.1(b), AML-013). A state older than the one kept (by
 * {@code effectiveFrom}) does not replace it.
 */
@ApplicationScoped
public class FirmLicences {

    private final Jdbc jdbc;
    private final Inbox inbox;

    FirmLicences(Jdbc jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    /** Applies a licence event once, in one transaction with the record that it was applied. */
    @Transactional
    public boolean apply(CloudEvent<LicenceChanged> event) {
        LicenceChanged l = event.data();
        if (!inbox.claim(event, l.firmId())) {
            return false;
        }
        jdbc.update("keep the firm's licence", """
                insert into aml_firm_licence (firm_id, status, activities, effective_from, event_key, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (firm_id) do update set status = excluded.status, activities = excluded.activities,
                    effective_from = excluded.effective_from, event_key = excluded.event_key,
                    updated_at = excluded.updated_at
                where aml_firm_licence.effective_from <= excluded.effective_from""",
                l.firmId(), l.status().name(), l.activities().stream().map(Activity::name).toList(),
                l.effectiveFrom(), event.eventKey(), OffsetDateTime.now(ZoneOffset.UTC));
        return true;
    }

    /**
     * Whether the firm's licence, as last known, permits operating a DATF ({@code DATF_OPERATOR}) on {@code day}: a
     * state not yet in effect that day is not counted; a firm never seen on the register is not a DATF operator.
     */
    public boolean datfOperator(String firmId, LocalDate day) {
        return jdbc.queryOne("read whether a firm is a DATF operator", """
                select 1 from aml_firm_licence
                where firm_id = ? and effective_from <= ? and 'DATF_OPERATOR' = any(activities)""",
                rs -> true, firmId, day).orElse(false);
    }
}
