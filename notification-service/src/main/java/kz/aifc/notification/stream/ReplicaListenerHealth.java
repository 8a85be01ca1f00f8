package kz.aifc.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the replica cannot hear other replicas' changes: its live streams would miss them. */
@Readiness
@ApplicationScoped
public class ReplicaListenerHealth implements HealthCheck {

    private final ReplicaFanOut fanOut;

    ReplicaListenerHealth(ReplicaFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("alert-change listener (LISTEN " + ReplicaFanOut.CHANNEL + ")")
                .status(fanOut.listening()).build();
    }
}
