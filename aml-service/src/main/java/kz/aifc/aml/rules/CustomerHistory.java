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
 * One customer's recent transactions (the sliding windows) and monthly deposit totals in Asia/Almaty months; the
 * ingest rebuilds it from the database when it is not in memory, so a restart or a moved partition forgets nothing.
 */
public final class CustomerHistory {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final String firmId;
    private final String customerId;
    private final List<Tx> recent = new ArrayList<>();
    private final Map<YearMonth, BigDecimal> monthDeposits = new HashMap<>();
    private Instant newest = Instant.MIN;

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
        return monthDeposits.getOrDefault(month, BigDecimal.ZERO);
    }

    /** Loads a month total from the database (rebuild); later deposits add to it. */
    public void restoreMonth(YearMonth month, BigDecimal total) {
        monthDeposits.put(month, total);
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
        monthDeposits.merge(YearMonth.from(at.atZone(ALMATY)), amountUsd, BigDecimal::add);
    }

    /** Drops what no window can reach any more: transactions older than {@code keep} before the newest one. */
    public void prune(Duration keep) {
        Instant horizon = newest.minus(keep);
        if (!recent.isEmpty() && recent.get(0).occurredAt().isBefore(horizon)) {
            recent.removeIf(t -> t.occurredAt().isBefore(horizon));
        }
        if (monthDeposits.size() > 3) {
            YearMonth oldestMonth = YearMonth.from(newest.atZone(ALMATY)).minusMonths(2);
            monthDeposits.keySet().removeIf(m -> m.isBefore(oldestMonth));
        }
    }

    /** Restores a window from stored rows (any order). */
    public void restore(List<Tx> rows) {
        rows.stream().sorted(Comparator.comparing(Tx::occurredAt)).forEach(this::add);
    }
}
