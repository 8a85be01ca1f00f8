package kz.aifc.licensing.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.api.FitAndProperView.ControllerView;
import kz.aifc.licensing.api.FitAndProperView.DisclosureView;
import kz.aifc.licensing.api.FitAndProperView.FindingView;
import kz.aifc.licensing.api.FitAndProperView.HolderView;
import kz.aifc.licensing.api.FitAndProperView.LicenceSummary;
import kz.aifc.licensing.api.FitAndProperView.MandatoryRoleView;
import kz.aifc.licensing.api.FitAndProperView.PersonView;
import kz.aifc.licensing.rules.FirmFacts;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.rules.Finding;
import kz.aifc.licensing.rules.MandatoryRole;
import kz.aifc.licensing.store.Licence;
import kz.aifc.licensing.store.NotificationDraft;
import kz.aifc.licensing.store.PersonDisclosure;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;

/** Reads one firm's licence, fit-and-proper picture and drafted notifications into the bodies FirmResource answers. */
@ApplicationScoped
public class FirmViews {

    private final AlertBook alerts;
    private final FitAndProperMonitor monitor;

    FirmViews(AlertBook alerts, FitAndProperMonitor monitor) {
        this.alerts = alerts;
        this.monitor = monitor;
    }

    /** 404 when the firm has no registered licence. */
    public LicenceView licence(String firmId) {
        return Licence.ofFirm(firmId).map(LicenceView::of)
                .orElseThrow(() -> ProblemException.notFound("firm " + firmId + " has no registered licence"));
    }

    /** 404 when licensing-service knows nothing of the firm: no licence, no people, no controllers. */
    public FitAndProperView fitAndProper(String firmId) {
        Optional<Licence> licence = Licence.ofFirm(firmId);
        FirmFacts facts = monitor.facts(firmId);
        if (licence.isEmpty() && facts.people().isEmpty() && facts.controllers().isEmpty()) {
            throw ProblemException.notFound("firm " + firmId + " is unknown to licensing-service");
        }
        // Vacancies are facts either way; a deadline runs only for a firm on the register (see reassess).
        boolean monitored = licence.isPresent();
        Map<String, Finding<Obligation>> vacancies = new LinkedHashMap<>();
        monitor.rules().vacancies(facts, monitor.now()).forEach(f -> vacancies.put(f.alertId(), f));
        List<MandatoryRoleView> roles = new ArrayList<>();
        for (MandatoryRole m : monitor.rules().rulebook().mandatoryRoles()) {
            if (m.datfOnly() && !facts.datf()) {
                continue;
            }
            String alertId = "FP-001:" + firmId + ":" + m.role().name();
            List<HolderView> holders = facts.people().stream().filter(p -> p.holds(m.role())).map(HolderView::of).toList();
            Finding<Obligation> vacancy = vacancies.get(alertId);
            if (vacancy != null && monitored) {
                Optional<AlertRaised> open = alerts.find(alertId).filter(AlertBook.StoredAlert::open)
                        .map(AlertBook.StoredAlert::payload);
                roles.add(new MandatoryRoleView(m.role(), m.citation(), m.requiresApproval(), holders, true, alertId,
                        open.map(a -> a.detectedAt().toString()),
                        open.map(AlertRaised::regulatoryDeadline).orElse(vacancy.deadline()).toString(), "unverified",
                        vacancy.deadlineBasis(), "/firms/" + firmId + "/notifications/" + alertId));
            } else {
                roles.add(MandatoryRoleView.filled(m.role(), m.citation(), m.requiresApproval(), holders, vacancy != null));
            }
        }
        return new FitAndProperView(firmId,
                licence.map(l -> new LicenceSummary(l.status, l.activityList(), facts.datf())).orElse(null),
                monitor.rules().rulebook().version(), monitored, !facts.people().isEmpty(), roles,
                facts.people().stream().map(PersonView::of).toList(),
                PersonDisclosure.ofFirm(firmId).stream()
                        .map(d -> new DisclosureView(d.personId, d.kind, d.occurredOn, d.details)).toList(),
                facts.controllers().stream().map(ControllerView::of).toList(),
                alerts.open(firmId, null).stream().map(FindingView::of).toList());
    }

    /** The firm's drafts, newest first. */
    public List<NotificationSummary> notifications(String firmId) {
        return NotificationDraft.ofFirm(firmId).stream().map(d -> NotificationSummary.of(d.document, status(d.id),
                "/firms/" + firmId + "/notifications/" + d.id)).toList();
    }

    /** One draft as stored, with {@code alertStatus} added; 404 when the firm has no such draft. */
    public Map<String, Object> draft(String firmId, String id) {
        NotificationDraft stored = NotificationDraft.of(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("no drafted notification " + id + " for firm " + firmId));
        Map<String, Object> draft = new LinkedHashMap<>(stored.document);
        draft.put("alertStatus", status(id));
        return draft;
    }

    private String status(String alertId) {
        // GEN 6.2.1 appointment and departure notices are drafted without an alert.
        return alerts.find(alertId).map(a -> a.open() ? "OPEN" : "RESOLVED").orElse("NO_ALERT");
    }
}
