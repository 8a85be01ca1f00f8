package kz.aifc.aml.kafka;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import kz.aifc.aml.store.FirmLicences;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.ingest.EventIngest;

/**
 * The licence register (aifc.licences), the low-volume stream: per record through the platform's ingest (inbox, DLQ),
 * each firm's latest licence kept so a FILE_STR decision knows whether the firm is a DATF operator (AML-013). The
 * screened transactions, the volume, have a consumer of their own ({@link TransactionsConsumer}).
 */
@ApplicationScoped
public class LicenceConsumer {

    private final EventIngest ingest;
    private final FirmLicences licences;

    LicenceConsumer(EventIngest ingest, FirmLicences licences) {
        this.ingest = ingest;
        this.licences = licences;
    }

    @Incoming("licences")
    @Blocking
    public CompletionStage<Void> licences(Message<byte[]> message) {
        return ingest.process(message, LicenceChanged.class, licences::apply);
    }
}
