package de.govtech.marketplace.osb;

import de.govtech.marketplace.osb.BrokerAddressRule.Refusal;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which broker URLs may be called, with a stub resolver instead of DNS. */
class BrokerAddressRuleTest {

    private static final Map<String, String[]> DNS = Map.ofEntries(
            Map.entry("broker.example.de", new String[]{"203.0.113.10"}),
            Map.entry("v6.example.de", new String[]{"2001:db8::10"}),
            Map.entry("loop.example.de", new String[]{"127.0.0.1"}),
            Map.entry("loop6.example.de", new String[]{"::1"}),
            Map.entry("ten.example.de", new String[]{"10.1.2.3"}),
            Map.entry("172.example.de", new String[]{"172.16.0.5"}),
            Map.entry("192.example.de", new String[]{"192.168.1.1"}),
            Map.entry("ula.example.de", new String[]{"fd12:3456::1"}),
            Map.entry("metadata.example.de", new String[]{"169.254.169.254"}),
            Map.entry("ll6.example.de", new String[]{"fe80::1"}),
            Map.entry("zero.example.de", new String[]{"0.0.0.0"}),
            Map.entry("zero6.example.de", new String[]{"::"}),
            Map.entry("multicast.example.de", new String[]{"224.0.0.1"}),
            Map.entry("multicast6.example.de", new String[]{"ff02::1"}),
            Map.entry("mapped.example.de", new String[]{"::ffff:127.0.0.1"}),
            Map.entry("mixed.example.de", new String[]{"203.0.113.10", "10.0.0.1"}));

    private static final BrokerAddressRule.Resolver STUB = host -> {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    private final BrokerAddressRule production = new BrokerAddressRule(false, false, STUB);
    private final BrokerAddressRule devAndTest = new BrokerAddressRule(true, true, STUB);

    private static Optional<Refusal> check(BrokerAddressRule rule, String url) {
        return rule.check(URI.create(url));
    }

    @Test
    void productionCallsOnlyHttpsBrokersOnPublicAddresses() {
        assertEquals(Optional.empty(), check(production, "https://broker.example.de/osb"));
        assertEquals(Optional.empty(), check(production, "https://v6.example.de:8443"));
        assertEquals(Optional.of(Refusal.NOT_HTTPS), check(production, "http://broker.example.de/osb"));
        assertEquals(Optional.of(Refusal.NOT_HTTPS), check(production, "ftp://broker.example.de/osb"));
        assertEquals(Optional.of(Refusal.USER_INFO), check(production, "https://user:pw@broker.example.de/osb"));
        assertEquals(Optional.of(Refusal.USER_INFO), check(production, "https://user@broker.example.de/osb"));
        assertEquals(Optional.of(Refusal.NO_HOST), check(production, "https:///osb"));
        assertEquals(Optional.of(Refusal.UNRESOLVABLE), check(production, "https://nowhere.example.de/osb"));
    }

    @Test
    void productionRefusesEveryNonPublicAddressKind() {
        Map<String, Refusal> expected = Map.ofEntries(
                Map.entry("loop.example.de", Refusal.LOOPBACK),
                Map.entry("loop6.example.de", Refusal.LOOPBACK),
                Map.entry("mapped.example.de", Refusal.LOOPBACK),
                Map.entry("127.0.0.1", Refusal.LOOPBACK),
                Map.entry("[::1]", Refusal.LOOPBACK),
                Map.entry("ten.example.de", Refusal.PRIVATE),
                Map.entry("172.example.de", Refusal.PRIVATE),
                Map.entry("192.example.de", Refusal.PRIVATE),
                Map.entry("ula.example.de", Refusal.PRIVATE),
                Map.entry("metadata.example.de", Refusal.LINK_LOCAL),
                Map.entry("169.254.169.254", Refusal.LINK_LOCAL),
                Map.entry("ll6.example.de", Refusal.LINK_LOCAL),
                Map.entry("zero.example.de", Refusal.UNSPECIFIED),
                Map.entry("zero6.example.de", Refusal.UNSPECIFIED),
                Map.entry("multicast.example.de", Refusal.MULTICAST),
                Map.entry("multicast6.example.de", Refusal.MULTICAST),
                Map.entry("mixed.example.de", Refusal.PRIVATE));
        BrokerAddressRule literalsToo = new BrokerAddressRule(false, false, host -> host.matches("[0-9.\\[\\]:]+")
                ? new InetAddress[]{InetAddress.getByName(host)} : STUB.resolve(host));
        expected.forEach((host, refusal) ->
                assertEquals(Optional.of(refusal), check(literalsToo, "https://" + host + "/osb"), host));
    }

    @Test
    void devAndTestAllowPlainHttpLoopbackAndPrivateButNeverLinkLocalUnspecifiedOrMulticast() {
        assertEquals(Optional.empty(), check(devAndTest, "http://loop.example.de:8090"));
        assertEquals(Optional.empty(), check(devAndTest, "http://loop6.example.de"));
        assertEquals(Optional.empty(), check(devAndTest, "https://ten.example.de"));
        assertEquals(Optional.empty(), check(devAndTest, "https://ula.example.de"));
        assertEquals(Optional.of(Refusal.USER_INFO), check(devAndTest, "http://u:p@loop.example.de"));
        assertEquals(Optional.of(Refusal.LINK_LOCAL), check(devAndTest, "http://metadata.example.de/latest/meta-data"));
        assertEquals(Optional.of(Refusal.LINK_LOCAL), check(devAndTest, "http://ll6.example.de"));
        assertEquals(Optional.of(Refusal.UNSPECIFIED), check(devAndTest, "http://zero.example.de"));
        assertEquals(Optional.of(Refusal.MULTICAST), check(devAndTest, "http://multicast.example.de"));
        assertEquals(Optional.of(Refusal.NOT_HTTPS), check(devAndTest, "gopher://loop.example.de"));
    }

    @Test
    void eachSettingIsItsOwnSwitch() {
        BrokerAddressRule plainHttpOnly = new BrokerAddressRule(true, false, STUB);
        assertEquals(Optional.empty(), check(plainHttpOnly, "http://broker.example.de"));
        assertEquals(Optional.of(Refusal.LOOPBACK), check(plainHttpOnly, "http://loop.example.de"));
        BrokerAddressRule privateOnly = new BrokerAddressRule(false, true, STUB);
        assertEquals(Optional.empty(), check(privateOnly, "https://loop.example.de"));
        assertEquals(Optional.of(Refusal.NOT_HTTPS), check(privateOnly, "http://loop.example.de"));
    }
}
