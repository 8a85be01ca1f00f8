package kz.aifc.notification.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Name resolution for webhook targets, in one place so every check and every connection uses the same answer. */
@ApplicationScoped
public class HostResolver {

    /** Every address the host name (or literal address) stands for; throws when it does not resolve. */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
