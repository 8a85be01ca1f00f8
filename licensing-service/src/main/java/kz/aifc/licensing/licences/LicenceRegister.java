package kz.aifc.licensing.licences;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.licensing.LicensingConfig;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.store.FirmLocks;
import kz.aifc.licensing.store.Licence;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.Problem;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.outbox.Outbox;

/**
 * The licence register: stores a licence, publishes {@code kz.aifc.licence.changed.v1} through the outbox in the
 * same transaction (key = firm id, compacted topic), and re-checks the firm's FP rules that depend on activities.
 */
@ApplicationScoped
public class LicenceRegister {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final AlertBook alerts;
    private final FitAndProperMonitor monitor;
    private final LicensingConfig config;

    LicenceRegister(Outbox outbox, AuditTrail audit, AlertBook alerts, FitAndProperMonitor monitor,
            LicensingConfig config) {
        this.outbox = outbox;
        this.audit = audit;
        this.alerts = alerts;
        this.monitor = monitor;
        this.config = config;
    }

    /** Registers a new firm's licence; 409 when the firm or the licence number is already registered. */
    @Transactional
    public Licence register(LicenceChanged licence, String actor) {
        FirmLocks.firm(licence.firmId());
        if (Licence.ofFirm(licence.firmId()).isPresent()) {
            throw ProblemException.conflict("firm " + licence.firmId()
                    + " already has a licence; vary it with PUT /licences/" + licence.firmId());
        }
        claimNumber(licence);
        Licence stored = Licence.register(licence, now());
        publish(licence, actor, "licence.registered");
        return stored;
    }

    /** Varies a registered licence; 404 when the firm has none. */
    @Transactional
    public Licence vary(LicenceChanged licence, String actor) {
        FirmLocks.firm(licence.firmId());
        Licence stored = Licence.ofFirm(licence.firmId()).orElseThrow(() -> ProblemException.notFound(
                "firm " + licence.firmId() + " has no licence; register it with POST /licences"));
        claimNumber(licence);
        stored.vary(licence, now());
        publish(licence, actor, "licence.varied");
        return stored;
    }

    /** 409 when another firm holds the number; the number stays locked until this transaction ends. */
    private void claimNumber(LicenceChanged licence) {
        FirmLocks.licenceNumber(licence.licenceNumber());
        Licence.holderOf(licence.licenceNumber()).filter(holder -> !holder.equals(licence.firmId())).ifPresent(holder -> {
            throw new ProblemException(409, "Conflict", "licenceNumber: " + licence.licenceNumber()
                    + " is registered to firm " + holder, List.of(new Problem.FieldError(
                            "licenceNumber", "already registered to another firm")));
        });
    }

    private void publish(LicenceChanged licence, String actor, String action) {
        CloudEvent<LicenceChanged> event = CloudEventCodec.newEvent(alerts.source(), EventTypes.LICENCE_CHANGED,
                licence.firmId(), licence);
        outbox.enqueue(config.licencesTopic(), licence.firmId(), event);
        audit.append(actor, action, licence.firmId(), licence.licenceNumber(), licence);
        // A variation can add or remove DATF_OPERATOR, which changes FP-001, FP-006 and FP-007.
        monitor.reassess(licence.firmId(), List.of(), List.of(event.eventKey()), monitor.now());
    }

    /** The register's timestamp, at the database's precision so the answer equals what a later read returns. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(monitor.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
