package kz.aifc.aml.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        String notReady = consumer.notReady();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("aml-transactions-consumer")
                .status(notReady == null)
                .withData("topic", consumer.topic())
                .withData("partitions", consumer.partitions())
                .withData("pollsInFlight", consumer.batchesInFlight())
                .withData("msSinceLastPoll", consumer.sinceLastPoll());
        if (notReady != null) {
            response.withData("reason", notReady);
        }
        return response.build();
    }
}
