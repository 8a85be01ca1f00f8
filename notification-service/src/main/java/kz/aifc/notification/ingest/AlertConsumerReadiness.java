package kz.aifc.notification.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the alerts consumer: DOWN once it has stopped (and why), with what it holds. */
@Readiness
@ApplicationScoped
public class AlertConsumerReadiness implements HealthCheck {

    private final AlertConsumer consumer;

    AlertConsumerReadiness(AlertConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return consumer.readiness().build();
    }
}
