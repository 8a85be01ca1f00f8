package kz.aifc.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which addresses count as public, and how the operator's allow-list lets internal ones through (#15.2). */
class TargetPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.8.9.10",
        "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1",
        "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "2001::1", "2002:a00:1::1",
        "64:ff9b::a00:1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"})
    void shouldCountInternalAndReservedAddressesAsNotPublic(String address) throws UnknownHostException {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.169.0.1", "2a00:1450:4001:80b::200e", "2606:4700::1111"})
    void shouldCountRoutableAddressesAsPublic(String address) throws UnknownHostException {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void shouldLetAllowListedNamesAndNetworksThroughAndNothingElse() throws Exception {
        HostResolver dns = new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return switch (host) {
                    case "receiver.internal" -> List.of(InetAddress.getByName("10.9.9.9"));
                    case "other.internal" -> List.of(InetAddress.getByName("10.20.1.2"));
                    case "public.example" -> List.of(InetAddress.getByName("8.8.8.8"));
                    default -> List.of(InetAddress.getByName(host));
                };
            }
        };
        TargetPolicy policy = new TargetPolicy(dns, config(List.of("Receiver.Internal", "10.20.0.0/16", "127.0.0.1")));
        assertThat(policy.check(URI.create("http://receiver.internal/hook")).getAddress().getHostAddress())
                .isEqualTo("10.9.9.9");
        assertThat(policy.check(URI.create("https://other.internal/hook")).getPort()).isEqualTo(443);
        assertThat(policy.check(URI.create("http://127.0.0.1:8080/")).getPort()).isEqualTo(8080);
        assertThat(policy.check(URI.create("https://public.example/x")).getAddress().getHostAddress()).isEqualTo("8.8.8.8");
        for (String refused : List.of("http://127.0.0.2/", "http://10.21.0.1/", "http://[::1]/")) {
            assertThatThrownBy(() -> policy.check(URI.create(refused))).as(refused)
                    .isInstanceOfSatisfying(TargetPolicy.RefusedTarget.class,
                            e -> assertThat(e.refusal()).isEqualTo(TargetPolicy.Refusal.INTERNAL_ADDRESS));
        }
        assertThatThrownBy(() -> policy.check(URI.create("ftp://public.example/x")))
                .isInstanceOfSatisfying(TargetPolicy.RefusedTarget.class,
                        e -> assertThat(e.refusal()).isEqualTo(TargetPolicy.Refusal.NOT_HTTP));
    }

    @Test
    void shouldRefuseAMalformedAllowListEntryAtStart() {
        assertThatThrownBy(() -> new TargetPolicy(new HostResolver(), config(List.of("10.0.0.0/99"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/99");
    }

    private static WebhookConfig config(List<String> allowed) {
        return TestWebhookConfig.with(allowed, null);
    }
}
