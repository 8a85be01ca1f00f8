package kz.aifc.notification.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The tests' name server: names under {@code .example} answer what a test set (and can change, as a rebinding DNS
 * would); every other name resolves as usual. Addresses are literals, so the lookup itself never leaves the machine.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeDns extends HostResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    /** From now on {@code name} resolves to these address literals. */
    public static void answer(String name, String... addresses) {
        ANSWERS.put(name, java.util.Arrays.stream(addresses).map(FakeDns::literal).toList());
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.endsWith(".example")) {
            List<InetAddress> answer = ANSWERS.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            // As a real lookup answers: each address remembers the name it was found under.
            List<InetAddress> named = new java.util.ArrayList<>();
            for (InetAddress a : answer) {
                named.add(InetAddress.getByAddress(host, a.getAddress()));
            }
            return named;
        }
        return super.resolve(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
