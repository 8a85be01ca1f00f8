package kz.aifc.aml.screening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.aifc.aml.alerts.AmlAlerts;
import kz.aifc.aml.config.AmlConfig;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Suspicion;
import kz.aifc.platform.rules.Finding;
import kz.aifc.aml.rules.AmlRulebook;
import kz.aifc.aml.rules.Tx;
import kz.aifc.aml.store.FindingStore;
import kz.aifc.aml.store.TransactionMonths;
import kz.aifc.aml.store.TransactionStore;
import kz.aifc.aml.store.TransactionStore.CustomerKey;
import kz.aifc.aml.store.DueDiligenceStore.CustomerYear;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.platform.alerts.AlertBook;

/**
 * Applies decoded screened transactions in ONE database transaction: the customers' histories (from memory, or
 * rebuilt from the database), the transactions stored by {@code COPY} (their table is the inbox, so redeliveries drop
 * out), the window rules over the fresh ones, then findings, cases and the rare alerts through {@link AlertBook}.
 * A batch of one is the single-event path.
 */
@Singleton
public class ScreeningPipeline {

    private static final Logger LOG = Logger.getLogger(ScreeningPipeline.class);

    private final AmlRules rules;
    private final TransactionStore store;
    private final FindingStore findingStore;
    private final HistoryCache cache;
    private final AlertBook alerts;
    private final Clock clock = Clock.system(CustomerHistory.ALMATY);
    /** One timer per {@link Phases#NAMES}, in that order. */
    private final Timer[] phaseTimers;
    private final Timer commitTime;
    private final DueDiligenceUpdates dueDiligence;
    private final TransactionMonths months;
    /** A batch longer than this, detection to commit, is logged with its phases (aifc.aml.slow-batch-ms). */
    private final long slowBatchNanos;
    /** Batches still to stage (copy, then insert what is new) after one met an event stored before. */
    private final AtomicInteger stagedBatches = new AtomicInteger();
    private static final int STAGED_AFTER_REDELIVERY = 20;

    ScreeningPipeline(AmlRules rules, TransactionStore store, FindingStore findingStore, HistoryCache cache, AlertBook alerts,
            DueDiligenceUpdates dueDiligence, TransactionMonths months, MeterRegistry meters, AmlConfig config) {
        this.slowBatchNanos = TimeUnit.MILLISECONDS.toNanos(config.slowBatchMs());
        this.rules = rules;
        this.months = months;
        this.dueDiligence = dueDiligence;
        this.store = store;
        this.findingStore = findingStore;
        this.cache = cache;
        this.alerts = alerts;
        this.phaseTimers = Stream.of(Phases.NAMES).map(name -> phase(meters, name)).toArray(Timer[]::new);
        this.commitTime = phase(meters, "commit");
    }

    private static Timer phase(MeterRegistry meters, String name) {
        return Timer.builder("aml.batch.phase").tag("phase", name)
                .description("time a screening batch spends in each phase").register(meters);
    }

    /** The phases a batch's transaction is timed in, in order, as a slow batch's log line names them. */
    private static final class Phases {

        static final String[] NAMES = {"load-histories", "claim", "evaluate", "cases", "due-diligence", "alerts"};

        static String describe(long[] nanos) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < NAMES.length; i++) {
                out.append(i == 0 ? "" : ", ").append(NAMES[i]).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f", nanos[i] / 1e6));
            }
            return out.toString();
        }
    }

    /** Ends phase {@code i} begun at {@code since}: timed, kept for the slow-batch line; answers now. */
    private long endPhase(int i, long since, long[] phaseNanos) {
        long now = System.nanoTime();
        phaseNanos[i] = now - since;
        phaseTimers[i].record(phaseNanos[i], TimeUnit.NANOSECONDS);
        return now;
    }

    /** What a batch did. */
    public record Outcome(int applied, int duplicates, int findings) {
    }

    public Outcome apply(List<ScreenedRecord> events) {
        // A month met for the first time gets its partition now, in a transaction of its own (TransactionMonths).
        months.ensure(events.stream().map(r -> r.event().data().occurredAt().toInstant()).toList());
        if (stagedBatches.get() <= 0) {
            try {
                return apply(events, true);
            } catch (RuntimeException e) {
                if (!isAlreadyStored(e)) {
                    throw e;
                }
                // Redeliveries come in runs (a restart, a partition moving): stage the next batches too.
                stagedBatches.set(STAGED_AFTER_REDELIVERY);
            }
        } else {
            stagedBatches.decrementAndGet();
        }
        return apply(events, false);
    }

    private static boolean isAlreadyStored(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionStore.AlreadyStored) {
                return true;
            }
        }
        return false;
    }

    private Outcome apply(List<ScreenedRecord> events, boolean expectNew) {
        OffsetDateTime detectedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        long[] phaseNanos = new long[Phases.NAMES.length];
        Set<CustomerKey> touched = new HashSet<>();
        List<CustomerYear> written = new ArrayList<>();
        try {
            long[] bodyEnd = new long[1];
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                Outcome o = applyInTransaction(events, detectedAt, touched, expectNew, written, phaseNanos);
                bodyEnd[0] = System.nanoTime();
                return o;
            });
            long committed = System.nanoTime();
            commitTime.record(committed - bodyEnd[0], TimeUnit.NANOSECONDS);
            if (committed - started > slowBatchNanos) {
                LOG.infof("Slow batch: %d events, %d findings in %.1f ms (%s, commit %.1f)", events.size(),
                        outcome.findings(), (committed - started) / 1e6, Phases.describe(phaseNanos),
                        (committed - bodyEnd[0]) / 1e6);
            }
            cache.settle(touched);
            dueDiligence.committed(written);
            // After the commit, into the firm's set as it is now (a partition move may have reloaded it meanwhile).
            Map<String, RecentCustomers> recentByFirm = new HashMap<>();
            for (ScreenedRecord r : events) {
                ScreenedTransaction t = r.event().data();
                if (t.direction() != Direction.TRADE) {
                    RecentCustomers recent = recentByFirm.computeIfAbsent(t.firmId(), cache::recent);
                    if (recent != null) {
                        recent.add(t.customer().id(), t.direction(), t.occurredAt().toInstant());
                    }
                }
            }
            return outcome;
        } catch (RuntimeException e) {
            if (!isAlreadyStored(e)) {
                // The histories were advanced in memory for a transaction that did not commit. (A copy that met a
                // stored key failed before any history moved.)
                cache.evict(touched);
            }
            throw e;
        }
    }

    private Outcome applyInTransaction(List<ScreenedRecord> records, OffsetDateTime detectedAt,
            Set<CustomerKey> touched, boolean expectNew, List<CustomerYear> written, long[] phaseNanos) {
        Map<String, ScreenedRecord> unique = new LinkedHashMap<>();
        for (ScreenedRecord r : records) {
            unique.putIfAbsent(r.eventKey(), r);
        }
        List<ScreenedRecord> distinct = new ArrayList<>(unique.values());
        // Histories first: a customer rebuilt from the database must not see this batch's rows, stored next.
        long t0 = System.nanoTime();
        CustomerHistory[] histories = histories(distinct, touched);
        long t1 = endPhase(0, t0, phaseNanos);
        TransactionStore.Claimed fresh = store.claim(distinct, expectNew);
        long t2 = endPhase(1, t1, phaseNanos);

        AmlRulebook book = rules.rulebook();
        Map<String, Finding<Suspicion>> findings = new LinkedHashMap<>();
        List<ScreenedRecord> todo = new ArrayList<>(distinct.size());
        for (int i = 0; i < histories.length; i++) {
            ScreenedRecord r = distinct.get(i);
            CloudEvent<ScreenedTransaction> e = r.event();
            if (!fresh.isNew(r.eventKey())) {
                continue;
            }
            todo.add(r);
            for (Finding<Suspicion> f : rules.evaluate(histories[i], r.eventKey(), e.data(), detectedAt)) {
                // The same breach seen again within a batch: the last view is what the alert shows.
                findings.remove(f.alertId());
                findings.put(f.alertId(), f);
            }
        }
        long t3 = endPhase(2, t2, phaseNanos);

        List<Finding<Suspicion>> found = List.copyOf(findings.values());
        Map<String, String> caseByAlert = findingStore.openOrJoinCases(found.stream().filter(f -> f.duty().opensCase()).toList(),
                detectedAt);
        findingStore.insertFindings(found, caseByAlert, detectedAt);
        long t4 = endPhase(3, t3, phaseNanos);
        DueDiligenceUpdates.Changes cures = dueDiligence.apply(todo, found, detectedAt, written);
        long t5 = endPhase(4, t4, phaseNanos);
        // Alert changes last: the audit trail's lock, taken with them, is then held only until the commit just after
        // (the other lane's batch waits for it). Raised before resolved: a breach shown and cured in one batch ends
        // resolved. A breach shown only as it was before its cure (a late delivery) is recorded but not raised again.
        alerts.raiseAll(found.stream().filter(f -> !cures.curedBefore().contains(f.alertId()))
                .map(f -> AmlAlerts.alert(book, f, caseByAlert.get(f.alertId()), detectedAt)).toList());
        alerts.resolveAll(cures.resolutions());
        endPhase(5, t5, phaseNanos);
        return new Outcome(todo.size(), records.size() - todo.size(), findings.size());
    }

    /**
     * The histories of the batch's customers, one per record in batch order: from memory; new, when the firm's
     * {@link RecentCustomers} says there is nothing stored to rebuild; for this batch only, not kept, when what is
     * stored cannot change what the window rules find for any of the customer's events here
     * ({@link AmlRules#readsStoredWindow}: trades, and transfers no stored window reaches); otherwise their windows
     * rebuilt from the database in one query. The Almaty-month deposit totals are read (one more query) only for
     * customers whose deposit AML-009 is about to judge.
     */
    private CustomerHistory[] histories(List<ScreenedRecord> batch, Set<CustomerKey> touched) {
        // One look-up per record: each customer's needs gathered under one key object.
        Map<CustomerKey, Need> needs = new HashMap<>();
        Need[] needOf = new Need[batch.size()];
        Map<String, Instant> firmEarliest = new HashMap<>();
        for (int i = 0; i < needOf.length; i++) {
            ScreenedTransaction t = batch.get(i).event().data();
            Need need = needs.computeIfAbsent(new CustomerKey(t.firmId(), t.customer().id()), Need::new);
            needOf[i] = need;
            Instant at = t.occurredAt().toInstant();
            if (need.earliest == null || at.isBefore(need.earliest)) {
                need.earliest = at;
            }
            firmEarliest.merge(t.firmId(), at, (a, b) -> a.isBefore(b) ? a : b);
            need.months |= rules.needsMonthTotal(t);
        }
        touched.addAll(needs.keySet());
        Duration reach = rules.rulebook().longestWindow().multipliedBy(2);
        // Held for the batch: a partition move clearing the cache meanwhile must not leave a firm without its set.
        Map<String, RecentCustomers> recentByFirm = new HashMap<>();
        firmEarliest.forEach((firm, at) -> recentByFirm.put(firm, cache.recent(firm, () -> {
            Instant since = at.minus(reach);
            return new RecentCustomers(since, reach, store.latestTransfersSince(firm, since, AmlRules.INFLOWS,
                    AmlRules.OUTFLOWS));
        })));
        for (Need need : needs.values()) {
            need.history = cache.get(need.key);
            if (need.history == null) {
                RecentCustomers recent = recentByFirm.get(need.key.firmId());
                need.complete = !need.earliest.minus(reach).isBefore(recent.since());
                need.seen = need.complete ? recent.seen(need.key.customerId()) : null;
            }
        }
        // Only customers not in memory with something stored: does any of their events here read it?
        for (int i = 0; i < needOf.length; i++) {
            Need need = needOf[i];
            if (need.history == null && need.seen != null && !need.reads) {
                need.reads = rules.readsStoredWindow(batch.get(i).event().data(), need.seen.inflow(),
                        need.seen.outflow());
            }
        }
        Map<CustomerKey, Instant> windowsToLoad = new HashMap<>();
        for (Need need : needs.values()) {
            if (need.history != null) {
                continue;
            }
            CustomerKey key = need.key;
            if (need.complete && need.seen == null) {
                need.history = new CustomerHistory(key.firmId(), key.customerId());
                cache.put(key, need.history);
            } else if (need.complete && !need.reads) {
                need.history = new CustomerHistory(key.firmId(), key.customerId());
            } else {
                windowsToLoad.put(key, need.earliest.minus(reach));
            }
        }
        if (!windowsToLoad.isEmpty()) {
            Map<CustomerKey, List<Tx>> windows = store.loadWindows(windowsToLoad);
            for (CustomerKey key : windowsToLoad.keySet()) {
                CustomerHistory h = new CustomerHistory(key.firmId(), key.customerId());
                h.restore(windows.getOrDefault(key, List.of()).stream().filter(rules::keeps).toList());
                cache.put(key, h);
                needs.get(key).history = h;
            }
        }
        Map<CustomerKey, Instant> monthsToLoad = new HashMap<>();
        for (Need need : needs.values()) {
            if (need.months && !need.history.monthsKnown()) {
                monthsToLoad.put(need.key, YearMonth.from(need.earliest.atZone(CustomerHistory.ALMATY)).minusMonths(1)
                        .atDay(1).atStartOfDay(CustomerHistory.ALMATY).toInstant());
            }
        }
        if (!monthsToLoad.isEmpty()) {
            store.loadMonthTotals(monthsToLoad, rules.rulebook().retailPurchaseDirections()).forEach((key, totals) ->
                    needs.get(key).history.restoreMonths(
                            YearMonth.from(monthsToLoad.get(key).atZone(CustomerHistory.ALMATY)), totals));
        }
        CustomerHistory[] out = new CustomerHistory[needOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = needOf[i].history;
        }
        return out;
    }

    /**
     * What a batch needs of one customer's history: from when, whether the month totals, whether its stored windows
     * (when it is not in memory: complete, what its firm's set says of it, whether any event here reads them), and the
     * history itself.
     */
    private static final class Need {

        final CustomerKey key;
        Instant earliest;
        boolean months;
        boolean complete;
        RecentCustomers.Seen seen;
        boolean reads;
        CustomerHistory history;

        Need(CustomerKey key) {
            this.key = key;
        }
    }
}
