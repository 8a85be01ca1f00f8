package kz.aifc.aml.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.aifc.aml.alerts.AmlAlerts;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Suspicion;
import kz.aifc.aml.store.AmlCase;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.rules.Finding;

/** AML-012 on a clock: raises one alert per open case whose MLRO decision is overdue (AML 13.8.1, "without delay"). */
@ApplicationScoped
public class OverdueDecisions {

    private static final Logger LOG = Logger.getLogger(OverdueDecisions.class);

    private final AmlRules rules;
    private final AlertBook alerts;

    OverdueDecisions(AmlRules rules, AlertBook alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    /** Every {@code aifc.aml.case-check-interval} (AmlConfig); a tick still running skips the next. */
    @Scheduled(every = "${aifc.aml.case-check-interval}", delayed = "${aifc.aml.case-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            check(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Overdue-decision check failed, retried at the next tick: %s", e);
        }
    }

    /** Raises AML-012 for every overdue case; answers how many were raised. */
    public int check(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int raised = 0;
            OffsetDateTime openedBefore = now.minus(rules.rulebook().caseDecisionTime()).atOffset(ZoneOffset.UTC);
            for (AmlCase c : AmlCase.overdue(openedBefore, 500)) {
                Finding<Suspicion> f = rules.overdueDecision(c.firmId, c.caseId, c.customerId, c.openedAt.toInstant(),
                        now);
                if (f == null) {
                    continue;
                }
                OffsetDateTime detectedAt = now.atZone(CustomerHistory.ALMATY).toOffsetDateTime()
                        .truncatedTo(ChronoUnit.MILLIS);
                alerts.raise(AmlAlerts.alert(rules.rulebook(), f, c.caseId, detectedAt));
                c.overdueAlert = f.alertId();
                raised++;
            }
            return raised;
        });
    }
}
