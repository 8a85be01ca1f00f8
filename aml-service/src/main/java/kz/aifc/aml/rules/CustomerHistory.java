package kz.aifc.aml.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's recent transactions (the sliding windows, only those a window rule can still read) and deposit
 * totals in Asia/Almaty months. The ingest rebuilds the windows from the database when the customer is not in memory,
 * and the month totals when a deposit needs them ({@link #monthsKnown}), so a restart or a moved partition forgets
 * nothing.
 */
public final class CustomerHistory {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final String firmId;
    private final String customerId;
    private final List<Tx> recent = new ArrayList<>();
    /** Null until a deposit is counted: most customers never need month totals (a map each would be most of them). */
    private Map<YearMonth, BigDecimal> monthDeposits;
    private Instant newest = Instant.MIN;
    private boolean monthsKnown;

    public CustomerHistory(String firmId, String customerId) {
        this.firmId = firmId;
        this.customerId = customerId;
    }

    public String firmId() {
        return firmId;
    }

    public String customerId() {
        return customerId;
    }

    /** Transactions kept, oldest first. */
    public List<Tx> recent() {
        return recent;
    }

    public BigDecimal depositsIn(YearMonth month) {
        return monthDeposits == null ? BigDecimal.ZERO : monthDeposits.getOrDefault(month, BigDecimal.ZERO);
    }

    /**
     * Whether the month totals count every stored deposit (restored from the database, then kept up in memory), or
     * only those seen since this history was built from its windows, which is all most customers ever need.
     */
    public boolean monthsKnown() {
        return monthsKnown;
    }

    /** Replaces the month totals from {@code since} on with the stored ones (months absent there had no deposits). */
    public void restoreMonths(YearMonth since, Map<YearMonth, BigDecimal> stored) {
        months().keySet().removeIf(m -> !m.isBefore(since));
        monthDeposits.putAll(stored);
        monthsKnown = true;
    }

    private Map<YearMonth, BigDecimal> months() {
        if (monthDeposits == null) {
            monthDeposits = new HashMap<>(4);
        }
        return monthDeposits;
    }

    /** Adds a transaction to the window, keeping time order (events may arrive slightly out of order). */
    public void add(Tx tx) {
        int i = recent.size();
        while (i > 0 && recent.get(i - 1).occurredAt().isAfter(tx.occurredAt())) {
            i--;
        }
        recent.add(i, tx);
        if (tx.occurredAt().isAfter(newest)) {
            newest = tx.occurredAt();
        }
    }

    /** Counts a deposit toward its Almaty calendar month. */
    public void addDeposit(Instant at, BigDecimal amountUsd) {
        months().merge(YearMonth.from(at.atZone(ALMATY)), amountUsd, BigDecimal::add);
        if (at.isAfter(newest)) {
            newest = at;
        }
    }

    /** Drops what no window can reach any more: transactions older than {@code keep} before the newest one. */
    public void prune(Duration keep) {
        if (newest == Instant.MIN) {
            return;
        }
        Instant horizon = newest.minus(keep);
        if (!recent.isEmpty() && recent.get(0).occurredAt().isBefore(horizon)) {
            recent.removeIf(t -> t.occurredAt().isBefore(horizon));
        }
        if (monthDeposits != null && monthDeposits.size() > 3) {
            YearMonth oldestMonth = YearMonth.from(newest.atZone(ALMATY)).minusMonths(2);
            monthDeposits.keySet().removeIf(m -> m.isBefore(oldestMonth));
        }
    }

    /** Restores a window from stored rows (any order). */
    public void restore(List<Tx> rows) {
        rows.stream().sorted(Comparator.comparing(Tx::occurredAt)).forEach(this::add);
    }
}
