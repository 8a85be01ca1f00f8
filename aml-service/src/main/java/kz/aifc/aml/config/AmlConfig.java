package kz.aifc.aml.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** aml-service's own settings ({@code aifc.aml.*}); Kafka's shared client settings are the {@code kafka.*} keys. */
@ConfigMapping(prefix = "aifc.aml")
public interface AmlConfig {

    /** Lanes the customers of a poll are applied on (a customer always on the same one): one computes as one waits. */
    @WithDefault("2")
    int lanes();

    /** Polls admitted at once (one applying, one waiting): the poll thread waits for a place, the back-pressure. */
    @WithDefault("2")
    int batchesInFlight();

    /** How often the overdue-decision clock (AML-012) looks for cases without an MLRO decision. */
    @WithDefault("PT1M")
    Duration caseCheckInterval();

    /** Transactions the customer histories in memory may hold in all, before the least recently used go. */
    @WithDefault("60000")
    long historyCacheTransactions();

    /** Only histories of at least this many transactions stay in memory; lighter ones are rebuilt when they matter. */
    @WithDefault("16")
    int historyCacheMinTransactions();

    /**
     * The installation's secret for opaque alert ids (HMAC-SHA256, at least 32 characters; environment
     * {@code AIFC_AML_ALERT_ID_KEY}). Required outside the dev and test profiles, which set a fixed one; keep it
     * unchanged for the life of the installation, since a new key gives every breach a new id.
     */
    Optional<String> alertIdKey();

    /** Where a malformed screened transaction is parked, with its reason. */
    String transactionsDlqTopic();

    /**
     * A share whose transaction takes longer than this, detection to commit, in milliseconds, is logged with its
     * phases (where a spike in the alerts' latency came from).
     */
    @WithDefault("250")
    long slowBatchMs();

    /** The screened-transactions consumer. */
    Transactions transactions();

    /** The screened-transactions consumer ({@code aifc.aml.transactions.*}). */
    interface Transactions {

        /** Whether the consumer runs (a test of one piece may switch it off). */
        @WithDefault("true")
        boolean enabled();

        /** The topic: {@code aifc.transactions.screened} plus the run's suffix in tests. */
        String topic();

        /** The consumer group. */
        String groupId();

        /** Records of one poll: one lane share per lane, each one database transaction. */
        @WithDefault("2000")
        int maxPollRecords();

        /** A fetch waits for this many bytes ... */
        @WithDefault("65536")
        int fetchMinBytes();

        /** ... or this many milliseconds, whichever comes first. */
        @WithDefault("30")
        int fetchMaxWaitMs();

        /** Offsets of finished polls are committed at most this often, in milliseconds. */
        @WithDefault("100")
        long commitIntervalMs();
    }
}
