package kz.aifc.aml.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the screened-transactions consumer: DOWN once it has stopped (and why), with what it holds. */
@Readiness
@ApplicationScoped
public class TransactionsReadiness implements HealthCheck {

    private final TransactionsConsumer consumer;

    TransactionsReadiness(TransactionsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return consumer.readiness().build();
    }
}
