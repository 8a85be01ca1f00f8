package kz.aifc.aml.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.inject.Singleton;

import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.AmlRules.OpenBreach;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Suspicion;
import kz.aifc.platform.rules.Finding;
import kz.aifc.aml.rules.AmlRulebook;
import kz.aifc.aml.store.TransactionStore.CustomerKey;
import kz.aifc.aml.store.DueDiligenceStore;
import kz.aifc.aml.store.DueDiligenceStore.CustomerYear;
import kz.aifc.aml.store.DueDiligenceStore.Shown;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.platform.alerts.AlertBook;

/**
 * After a batch's findings, in its transaction: keeps what the transactions say of their customers' due diligence
 * (the annual return's EDD and high-risk-residency facts, the AML-008/009/011 breaches) and resolves a breach
 * that a later transaction of the same customer shows cured ({@link AmlRules#resolution}); a cured breach is not
 * raised again by a transaction that occurred before the cure.
 */
@Singleton
public class DueDiligenceUpdates {

    private static final Set<String> CURABLE = Set.of("AML-008", "AML-009", "AML-011");

    private final AmlRules rules;
    private final DueDiligenceStore store;
    private final Recorded recorded = new Recorded(100_000);

    DueDiligenceUpdates(AmlRules rules, DueDiligenceStore store) {
        this.rules = rules;
        this.store = store;
    }

    /**
     * What the caller does with the batch's alerts: {@code curedBefore}, the curable findings that show a breach as it
     * was before a transaction already applied cured it (delivered late: no alert raised again); {@code resolutions},
     * the open breaches these events show cured, resolved after the findings' alerts are raised.
     */
    public record Changes(Set<String> curedBefore, List<AlertBook.Resolution> resolutions) {
    }

    /**
     * {@code applied}: the batch's events applied for the first time; {@code findings}: what they raised;
     * {@code written} receives the customer years stored, for {@link #committed} once the transaction is.
     */
    public Changes apply(List<ScreenedRecord> applied,
            Collection<Finding<Suspicion>> findings, OffsetDateTime detectedAt, List<CustomerYear> written) {
        Map<CustomerKey, List<ScreenedTransaction>> curing = new LinkedHashMap<>();
        Map<String, CustomerYear> years = new LinkedHashMap<>();
        for (ScreenedRecord e : applied) {
            ScreenedTransaction t = e.event().data();
            if (!AmlRules.cures(t).isEmpty()) {
                curing.computeIfAbsent(new CustomerKey(t.firmId(), t.customer().id()), k -> new ArrayList<>()).add(t);
            }
            CustomerYear y = customerYear(rules.rulebook(), t);
            if (y != null) {
                years.merge(Recorded.key(y), y, DueDiligenceUpdates::merge);
            }
        }
        List<Shown> shown = new ArrayList<>();
        Map<String, Instant> occurredAt = null;
        for (Finding<Suspicion> f : findings) {
            if (CURABLE.contains(f.ruleId())) {
                if (occurredAt == null) {
                    occurredAt = occurredAtOfCauses(applied, findings);
                }
                Instant at = f.duty().causedBy().stream().map(occurredAt::get).filter(Objects::nonNull)
                        .max(Instant::compareTo).orElse(detectedAt.toInstant());
                shown.add(new Shown(f.alertId(), f.ruleId(), f.firmId(), f.duty().customerId(), at));
            }
        }
        Set<String> curedBefore = new HashSet<>();
        if (!shown.isEmpty()) {
            Set<String> live = store.track(shown);
            shown.stream().map(Shown::alertId).filter(id -> !live.contains(id)).forEach(curedBefore::add);
        }
        List<CustomerYear> news = years.values().stream().filter(y -> !recorded.covers(y)).toList();
        store.recordYears(news);
        written.addAll(news);
        if (curing.isEmpty()) {
            return new Changes(curedBefore, List.of());
        }
        List<AlertBook.Resolution> resolutions = new ArrayList<>();
        Map<String, Instant> curedAt = new HashMap<>();
        store.openBreaches(curing.keySet()).forEach((customer, breaches) -> {
            for (OpenBreach breach : breaches) {
                for (ScreenedTransaction t : curing.get(customer)) {
                    String reason = rules.resolution(breach, t);
                    if (reason != null) {
                        resolutions.add(new AlertBook.Resolution(breach.alertId(), detectedAt, reason));
                        curedAt.put(breach.alertId(), t.occurredAt().toInstant());
                        break;
                    }
                }
            }
        });
        store.cure(curedAt);
        return new Changes(curedBefore, resolutions);
    }

    /** When the events that caused the batch's curable findings occurred, by event key. */
    private static Map<String, Instant> occurredAtOfCauses(List<ScreenedRecord> applied,
            Collection<Finding<Suspicion>> findings) {
        Set<String> causes = new HashSet<>();
        for (Finding<Suspicion> f : findings) {
            if (CURABLE.contains(f.ruleId())) {
                causes.addAll(f.duty().causedBy());
            }
        }
        Map<String, Instant> out = new HashMap<>();
        for (ScreenedRecord e : applied) {
            String key = e.eventKey();
            if (causes.contains(key)) {
                out.put(key, e.event().data().occurredAt().toInstant());
            }
        }
        return out;
    }

    /** The customer years of a committed batch: what the table now holds at least, so the next batches skip them. */
    public void committed(List<CustomerYear> written) {
        written.forEach(recorded::remember);
    }

    /**
     * Customer years known stored (the table only ever gains: EDD true stays, a first high-risk country stays), so a
     * row that would change nothing is not sent again: most customers show the same facts in every transaction.
     * Least recently used first out.
     */
    static final class Recorded {

        private final int max;
        private final LinkedHashMap<String, CustomerYear> rows = new LinkedHashMap<>(1024, 0.75f, true);

        Recorded(int max) {
            this.max = max;
        }

        synchronized boolean covers(CustomerYear y) {
            CustomerYear known = rows.get(key(y));
            return known != null && (known.eddCompleted() || !y.eddCompleted())
                    && (known.highRiskCountry() != null || y.highRiskCountry() == null);
        }

        synchronized void remember(CustomerYear y) {
            rows.merge(key(y), y, DueDiligenceUpdates::merge);
            if (rows.size() > max) {
                rows.remove(rows.keySet().iterator().next());
            }
        }

        /** One row of the table: the firm, year and customer. */
        static String key(CustomerYear y) {
            return y.firmId() + '\u001f' + y.year() + '\u001f' + y.customerId();
        }
    }

    /** What the annual return counts of this transaction's customer, or null when there is nothing to count. */
    static CustomerYear customerYear(AmlRulebook book, ScreenedTransaction t) {
        boolean edd = Boolean.TRUE.equals(t.customer().eddCompleted());
        if (!edd && !book.everListed(t.customer().residency())) {
            return null;
        }
        LocalDate day = t.occurredAt().atZoneSameInstant(CustomerHistory.ALMATY).toLocalDate();
        AmlRulebook.JurisdictionList list = book.listNaming(t.customer().residency(), day);
        if (!edd && list == null) {
            return null;
        }
        return new CustomerYear(t.firmId(), day.getYear(), t.customer().id(), edd,
                list == null ? null : t.customer().residency(), list == null ? null : list.list());
    }

    private static CustomerYear merge(CustomerYear a, CustomerYear b) {
        boolean keepA = a.highRiskCountry() != null;
        return new CustomerYear(a.firmId(), a.year(), a.customerId(), a.eddCompleted() || b.eddCompleted(),
                keepA ? a.highRiskCountry() : b.highRiskCountry(), keepA ? a.highRiskList() : b.highRiskList());
    }
}
