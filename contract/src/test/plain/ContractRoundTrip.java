import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;

/**
 * A firm's integration in miniature, run by ContractOnlyClasspathTest with the contract module's runtime classpath
 * alone (no Quarkus, no CDI, no JAX-RS): it is compiled from source on that classpath, so it would not even compile
 * if the contract needed a framework. For every event type it reads the contract's example payload, encodes it in
 * binary and in structured mode and decodes both back to the same event. Exit 0 when every type round-trips.
 */
public class ContractRoundTrip {

    public static void main(String[] args) throws Exception {
        Path examples = Path.of(args[0]);
        int failures = 0;
        for (String framework : List.of("io.quarkus.runtime.Quarkus", "jakarta.enterprise.context.ApplicationScoped",
                "jakarta.ws.rs.Path", "jakarta.inject.Inject", "io.smallrye.config.SmallRyeConfig",
                "org.eclipse.microprofile.config.Config")) {
            try {
                Class.forName(framework);
                System.out.println("PRESENT " + framework);
                failures++;
            } catch (ClassNotFoundException expected) {
                System.out.println("absent " + framework);
            }
        }
        for (String type : EventTypes.all()) {
            String json = Files.readString(examples.resolve(type + ".json"), StandardCharsets.UTF_8);
            Object payload = CloudEventCodec.readPayload(json, EventTypes.payloadClass(type));
            CloudEvent<?> event = CloudEventCodec.newEvent("/firms/F-0001/core", type, "F-0001", payload);
            EncodedEvent binary = CloudEventCodec.encode(event);
            EncodedEvent structured = CloudEventCodec.encodeStructured(event);
            boolean same = event.equals(CloudEventCodec.decode(binary.headers(), binary.value()))
                    && event.equals(CloudEventCodec.decode(structured.headers(), structured.value()));
            System.out.println((same ? "round-trip " : "DIFFERS ") + type + " on " + Topics.forType(type));
            failures += same ? 0 : 1;
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
