package kz.aifc.licensing.licences;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.licensing.LicensingConfig;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.store.FirmStateStore;
import kz.aifc.licensing.store.LicenceStore;
import kz.aifc.licensing.store.LicenceStore.StoredLicence;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.outbox.Outbox;
import kz.aifc.platform.api.Problem;

/**
 * The licence register: stores a licence, publishes {@code kz.aifc.licence.changed.v1} through the outbox in the
 * same transaction (key = firm id, compacted topic), and re-checks the firm's FP rules that depend on activities.
 */
@ApplicationScoped
public class LicenceRegister {

    private final LicenceStore store;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AlertBook alerts;
    private final FitAndProperMonitor monitor;
    private final LicensingConfig config;
    private final FirmStateStore state;

    LicenceRegister(LicenceStore store, Outbox outbox, AuditTrail audit, AlertBook alerts, FitAndProperMonitor monitor,
            LicensingConfig config, FirmStateStore state) {
        this.state = state;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.alerts = alerts;
        this.monitor = monitor;
        this.config = config;
    }

    /** Registers a new firm's licence; 409 when the firm or the licence number is already registered. */
    @Transactional
    public StoredLicence register(LicenceChanged licence, String actor) {
        state.lockFirm(licence.firmId());
        if (store.find(licence.firmId()).isPresent()) {
            throw ProblemException.conflict("firm " + licence.firmId()
                    + " already has a licence; vary it with PUT /licences/" + licence.firmId());
        }
        return save(licence, actor, "licence.registered");
    }

    /** Varies a registered licence; 404 when the firm has none. */
    @Transactional
    public StoredLicence vary(LicenceChanged licence, String actor) {
        state.lockFirm(licence.firmId());
        if (store.find(licence.firmId()).isEmpty()) {
            throw ProblemException.notFound("firm " + licence.firmId() + " has no licence; register it with POST /licences");
        }
        return save(licence, actor, "licence.varied");
    }

    private StoredLicence save(LicenceChanged licence, String actor, String action) {
        state.lockLicenceNumber(licence.licenceNumber());
        store.holderOf(licence.licenceNumber()).filter(holder -> !holder.equals(licence.firmId())).ifPresent(holder -> {
            throw new ProblemException(409, "Conflict", "licenceNumber: " + licence.licenceNumber()
                    + " is registered to firm " + holder, List.of(new Problem.FieldError(
                            "licenceNumber", "already registered to another firm")));
        });
        store.save(licence);
        CloudEvent<LicenceChanged> event = CloudEventCodec.newEvent(alerts.source(), EventTypes.LICENCE_CHANGED,
                licence.firmId(), licence);
        outbox.enqueue(config.licencesTopic(), licence.firmId(), event);
        audit.append(actor, action, licence.firmId(), licence.licenceNumber(), licence);
        // A variation can add or remove DATF_OPERATOR, which changes FP-001, FP-006 and FP-007.
        monitor.reassess(licence.firmId(), List.of(), List.of(event.eventKey()), monitor.now());
        return store.find(licence.firmId()).orElseThrow();
    }
}
