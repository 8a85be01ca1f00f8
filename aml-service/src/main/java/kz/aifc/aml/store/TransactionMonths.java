package kz.aifc.aml.store;

import java.time.Instant;
import java.util.Collection;

import jakarta.inject.Singleton;

import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.store.MonthPartitions;

/**
 * The monthly partitions of {@code aml_transaction} (V15), by the UTC month a transaction occurred, made by the
 * database function {@code aml_transaction_month} the first time this process meets the month. A batch is copied
 * straight into its month's table, so the server routes no row.
 */
@Singleton
public class TransactionMonths extends MonthPartitions {

    TransactionMonths(Jdbc jdbc) {
        super(jdbc, "aml_transaction_month", "make the month's partition of screened transactions");
    }

    /**
     * Makes sure each of these instants' months has its table. Called before a batch's transaction, so that the
     * batch's first round trip is not held up by the making of a month.
     */
    public void ensure(Collection<Instant> instants) {
        int last = Integer.MIN_VALUE;
        for (Instant at : instants) {
            int month = monthOf(at);
            if (month != last) {
                table(month);
                last = month;
            }
        }
    }
}
