package kz.aifc.aml.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Finding;
import kz.aifc.aml.rules.Rulebook;
import kz.aifc.aml.store.AmlStore;
import kz.aifc.aml.store.AmlStore.CustomerKey;
import kz.aifc.events.CloudEvent;
import kz.aifc.events.v1.AlertRaised;
import kz.aifc.events.v1.Duty;
import kz.aifc.events.v1.ScreenedTransaction;
import kz.aifc.platform.alerts.AlertBook;

/**
 * Applies decoded screened transactions in ONE database transaction: inbox claim (redeliveries drop out), window
 * rules over in-memory histories (rebuilt from the database when missing), then set-based inserts of transactions,
 * findings and cases, and the rare alerts through {@link AlertBook}. A batch of one is the single-event path.
 */
@ApplicationScoped
public class ScreeningPipeline {

    private final AmlRules rules;
    private final AmlStore store;
    private final HistoryCache cache;
    private final AlertBook alerts;
    private final Clock clock = Clock.system(CustomerHistory.ALMATY);
    private final Timer claimTime;
    private final Timer loadTime;
    private final Timer evaluateTime;
    private final Timer storeTime;
    private final Timer alertTime;
    private final Timer commitTime;
    @Inject
    DueDiligenceUpdates dueDiligence;

    ScreeningPipeline(AmlRules rules, AmlStore store, HistoryCache cache, AlertBook alerts, MeterRegistry meters) {
        this.rules = rules;
        this.store = store;
        this.cache = cache;
        this.alerts = alerts;
        this.claimTime = phase(meters, "claim");
        this.loadTime = phase(meters, "load-histories");
        this.evaluateTime = phase(meters, "evaluate");
        this.storeTime = phase(meters, "store");
        this.alertTime = phase(meters, "cases-alerts");
        this.commitTime = phase(meters, "commit");
    }

    private static Timer phase(MeterRegistry meters, String name) {
        return Timer.builder("aml.batch.phase").tag("phase", name)
                .description("time a screening batch spends in each phase").register(meters);
    }

    /** What a batch did. */
    public record Outcome(int applied, int duplicates, int findings) {
    }

    public Outcome apply(List<CloudEvent<ScreenedTransaction>> events) {
        OffsetDateTime detectedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Set<CustomerKey> touched = new HashSet<>();
        try {
            long[] bodyEnd = new long[1];
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                Outcome o = applyInTransaction(events, detectedAt, touched);
                bodyEnd[0] = System.nanoTime();
                return o;
            });
            commitTime.record(System.nanoTime() - bodyEnd[0], TimeUnit.NANOSECONDS);
            return outcome;
        } catch (RuntimeException e) {
            // The histories were advanced in memory for a transaction that did not commit.
            cache.evict(touched);
            throw e;
        }
    }

    private Outcome applyInTransaction(List<CloudEvent<ScreenedTransaction>> events, OffsetDateTime detectedAt,
            Set<CustomerKey> touched) {
        Map<String, CloudEvent<ScreenedTransaction>> unique = new LinkedHashMap<>();
        for (CloudEvent<ScreenedTransaction> e : events) {
            unique.putIfAbsent(e.eventKey(), e);
        }
        List<CloudEvent<ScreenedTransaction>> distinct = new ArrayList<>(unique.values());
        long t0 = System.nanoTime();
        Set<String> fresh = store.claim(distinct);
        long t1 = System.nanoTime();
        claimTime.record(t1 - t0, TimeUnit.NANOSECONDS);
        List<CloudEvent<ScreenedTransaction>> todo = new ArrayList<>(fresh.size());
        for (CloudEvent<ScreenedTransaction> e : distinct) {
            if (fresh.contains(e.eventKey())) {
                todo.add(e);
            }
        }
        Map<CustomerKey, CustomerHistory> histories = histories(todo, touched);
        long t2 = System.nanoTime();
        loadTime.record(t2 - t1, TimeUnit.NANOSECONDS);

        Rulebook book = rules.rulebook();
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<ScreenedTransaction> txs = new ArrayList<>(todo.size());
        List<String> keys = new ArrayList<>(todo.size());
        for (CloudEvent<ScreenedTransaction> e : todo) {
            ScreenedTransaction t = e.data();
            CustomerHistory h = histories.get(new CustomerKey(t.firmId(), t.customer().id()));
            for (Finding f : rules.evaluate(h, e.eventKey(), t, detectedAt)) {
                // The same breach seen again within a batch: the last view is what the alert shows.
                findings.remove(f.alertId());
                findings.put(f.alertId(), f);
            }
            txs.add(t);
            keys.add(e.eventKey());
        }
        long t3 = System.nanoTime();
        evaluateTime.record(t3 - t2, TimeUnit.NANOSECONDS);
        store.insertTransactions(txs, keys);
        long t4 = System.nanoTime();
        storeTime.record(t4 - t3, TimeUnit.NANOSECONDS);

        Map<String, String> caseByAlert = new HashMap<>();
        for (Finding f : findings.values()) {
            if (f.opensCase()) {
                caseByAlert.put(f.alertId(), store.openOrJoinCase(f, detectedAt));
            }
        }
        store.insertFindings(List.copyOf(findings.values()), caseByAlert, detectedAt);
        for (Finding f : findings.values()) {
            alerts.raise(alert(book, f, caseByAlert.get(f.alertId()), detectedAt));
        }
        dueDiligence.apply(todo, findings.values(), detectedAt);
        alertTime.record(System.nanoTime() - t4, TimeUnit.NANOSECONDS);
        return new Outcome(todo.size(), events.size() - todo.size(), findings.size());
    }

    /** The histories of the batch's customers: from memory, or rebuilt from the database in two queries. */
    private Map<CustomerKey, CustomerHistory> histories(List<CloudEvent<ScreenedTransaction>> todo,
            Set<CustomerKey> touched) {
        Map<CustomerKey, CustomerHistory> out = new HashMap<>();
        Map<CustomerKey, Instant> earliest = new HashMap<>();
        for (CloudEvent<ScreenedTransaction> e : todo) {
            CustomerKey key = new CustomerKey(e.data().firmId(), e.data().customer().id());
            touched.add(key);
            Instant at = e.data().occurredAt().toInstant();
            earliest.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<CustomerKey, Instant[]> missing = new HashMap<>();
        for (Map.Entry<CustomerKey, Instant> e : earliest.entrySet()) {
            CustomerHistory cached = cache.get(e.getKey());
            if (cached != null) {
                out.put(e.getKey(), cached);
            } else {
                Instant windowSince = e.getValue().minus(rules.rulebook().longestWindow().multipliedBy(2));
                Instant monthSince = YearMonth.from(e.getValue().atZone(CustomerHistory.ALMATY)).minusMonths(1)
                        .atDay(1).atStartOfDay(CustomerHistory.ALMATY).toInstant();
                missing.put(e.getKey(), new Instant[] {windowSince, monthSince});
            }
        }
        if (!missing.isEmpty()) {
            Map<CustomerKey, CustomerHistory> loaded = store.loadHistories(missing,
                    rules.rulebook().retailDepositDirections());
            loaded.forEach(cache::put);
            out.putAll(loaded);
        }
        return out;
    }

    public static AlertRaised alert(Rulebook book, Finding f, String caseId, OffsetDateTime detectedAt) {
        Rulebook.RuleSpec spec = book.rule(f.ruleId());
        Map<String, String> links = new LinkedHashMap<>();
        if (caseId != null) {
            links.put("case", "/cases/" + caseId);
            links.put("strDraft", "/cases/" + caseId + "/str-draft");
        }
        if ("AML-010".equals(f.ruleId()) && f.regulatoryDeadline() != null) {
            links.put("report", "/firms/" + f.firmId() + "/reports/threshold?date="
                    + f.regulatoryDeadline().toLocalDate());
        }
        return new AlertRaised(f.alertId(), f.firmId(), Duty.AML, f.ruleId(), book.version(), spec.citation(),
                spec.severity(), spec.title(), f.detail(), f.evidence(), f.causedBy(), detectedAt,
                f.regulatoryDeadline(), f.deadlineBasis(), links);
    }
}
