package kz.aifc.notification.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which webhook targets may be reached (#15.2): an http(s) URL whose host resolves only to public addresses, or one an
 * operator allow-listed ({@code aifc.webhooks.allowed-hosts}). Checked when a subscription is made and again before
 * every delivery, which then connects to the address checked here and nowhere else, so a DNS answer that changes in
 * between (rebinding) cannot reach inside.
 */
@ApplicationScoped
public class TargetPolicy {

    /** Not publicly routable: this network, private, CGNAT, loopback, link-local, benchmarking, documentation, multicast, reserved. */
    private static final List<Network> NON_PUBLIC_V4 = Stream.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4").map(Network::parse).toList();
    /** IPv6 must be global unicast (2000::/3), and not documentation, Teredo, 6to4 or ORCHID, which can hide IPv4. */
    private static final Network GLOBAL_V6 = Network.parse("2000::/3");
    private static final List<Network> NON_PUBLIC_V6 = Stream.of("2001:db8::/32", "2001::/32", "2002::/16", "2001:10::/28",
            "2001:20::/28").map(Network::parse).toList();

    private final HostResolver resolver;
    private final Set<String> allowedNames;
    private final List<Network> allowedNetworks;

    TargetPolicy(HostResolver resolver, WebhookConfig config) {
        this.resolver = resolver;
        List<String> entries = config.allowedHosts().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        this.allowedNetworks = entries.stream().filter(TargetPolicy::isNetwork).map(Network::parse).toList();
        this.allowedNames = entries.stream().filter(e -> !isNetwork(e)).map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why a target is refused; the caller sees the reason, never a network error's text. */
    public enum Refusal {
        /** Not an absolute http or https URL with a host. */
        NOT_HTTP,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The host resolves to a loopback, private, link-local or otherwise non-public address not allow-listed. */
        INTERNAL_ADDRESS
    }

    /** A target that may not be reached. */
    public static final class RefusedTarget extends Exception {
        private final Refusal refusal;

        RefusedTarget(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The address to connect to for {@code url}: the first it resolves to, once every one of them passed the check. */
    public InetSocketAddress check(URI url) throws RefusedTarget {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new RefusedTarget(Refusal.NOT_HTTP);
        }
        String host = host(url);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw new RefusedTarget(Refusal.UNKNOWN_HOST);
        }
        if (addresses.isEmpty()) {
            throw new RefusedTarget(Refusal.UNKNOWN_HOST);
        }
        boolean nameAllowed = allowedNames.contains(host.toLowerCase(Locale.ROOT));
        List<InetAddress> checked = new ArrayList<>();
        for (InetAddress a : addresses) {
            if (!nameAllowed && !isPublic(a) && allowedNetworks.stream().noneMatch(n -> n.contains(a))) {
                throw new RefusedTarget(Refusal.INTERNAL_ADDRESS);
            }
            checked.add(a);
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            // The bare address, without the name it was found under, so nothing downstream can look the name up again.
            return new InetSocketAddress(InetAddress.getByAddress(checked.get(0).getAddress()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An allow-list entry that is an address or CIDR network rather than a host name. */
    private static boolean isNetwork(String entry) {
        return Network.isAddressLiteral(entry.replaceAll("/\\d+$", "").replace("[", "").replace("]", ""));
    }

    /** The URL's host without the brackets of an IPv6 literal. */
    static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether an address is publicly routable: none of the loopback, private, link-local, ULA, multicast … ranges. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        if (a.getAddress().length == 4) {
            return NON_PUBLIC_V4.stream().noneMatch(n -> n.contains(a));
        }
        // IPv6 (an IPv4-mapped literal already arrives as an Inet4Address): only global unicast counts as public,
        // which leaves out the ULA fc00::/7, link-local fe80::/10, multicast ff00::/8, ::1, :: and the NAT64 prefix.
        return GLOBAL_V6.contains(a) && NON_PUBLIC_V6.stream().noneMatch(n -> n.contains(a));
    }
}
