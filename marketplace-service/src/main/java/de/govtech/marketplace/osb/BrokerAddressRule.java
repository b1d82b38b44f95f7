package de.govtech.marketplace.osb;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which broker URLs the marketplace may call with credentials: https only (plain http when allowed, in dev and test),
 * no user info, and a host whose every address is public — no loopback, private (RFC 1918, fc00::/7), link-local
 * (169.254/16 with the cloud metadata address, fe80::/10), unspecified or multicast address. Loopback and private
 * targets can be allowed (dev and test run the sample broker on localhost); link-local, unspecified and multicast
 * never are. Refusals name the kind, never the URL.
 */
public final class BrokerAddressRule {

    /** Why a broker URL is refused. */
    public enum Refusal {
        NOT_HTTPS("the broker URL must use https"),
        USER_INFO("the broker URL must not contain user info"),
        NO_HOST("the broker URL has no host"),
        UNRESOLVABLE("the broker host does not resolve"),
        LOOPBACK("the broker host resolves to a loopback address"),
        PRIVATE("the broker host resolves to a private address"),
        LINK_LOCAL("the broker host resolves to a link-local address"),
        UNSPECIFIED("the broker host resolves to the unspecified address"),
        MULTICAST("the broker host resolves to a multicast address");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Name resolution: the system resolver (DNS) in production, a stub in tests. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The outcome of one check: refused, or allowed with the addresses that were checked. A caller connects to one of
     * exactly these addresses instead of resolving the name again (which could answer differently: DNS rebinding).
     */
    public sealed interface Verdict {
        record Allowed(List<InetAddress> addresses) implements Verdict {
            public Allowed {
                addresses = List.copyOf(addresses);
            }
        }

        record Refused(Refusal refusal) implements Verdict {
        }
    }

    private final boolean allowPlainHttp;
    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    public BrokerAddressRule(boolean allowPlainHttp, boolean allowPrivateTargets, Resolver resolver) {
        this.allowPlainHttp = allowPlainHttp;
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    public static BrokerAddressRule withDns(boolean allowPlainHttp, boolean allowPrivateTargets) {
        return new BrokerAddressRule(allowPlainHttp, allowPrivateTargets, Resolver.SYSTEM);
    }

    /** The first reason to refuse {@code url}, resolving its host now; empty if it may be called. */
    public Optional<Refusal> check(URI url) {
        return verdict(url) instanceof Verdict.Refused refused ? Optional.of(refused.refusal()) : Optional.empty();
    }

    /** Resolves the host of {@code url} once and checks it: refused, or allowed with the addresses to connect to. */
    public Verdict verdict(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            return new Verdict.Refused(Refusal.NOT_HTTPS);
        }
        if (url.getRawUserInfo() != null || url.getRawAuthority() != null && url.getRawAuthority().contains("@")) {
            return new Verdict.Refused(Refusal.USER_INFO);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return new Verdict.Refused(Refusal.NO_HOST);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return new Verdict.Refused(Refusal.UNRESOLVABLE);
        }
        if (addresses == null || addresses.length == 0) {
            return new Verdict.Refused(Refusal.UNRESOLVABLE);
        }
        for (InetAddress address : addresses) {
            Optional<Refusal> refusal = classify(address);
            if (refusal.isPresent()) {
                return new Verdict.Refused(refusal.get());
            }
        }
        return new Verdict.Allowed(List.of(addresses));
    }

    private Optional<Refusal> classify(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of(Refusal.UNSPECIFIED);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Refusal.MULTICAST);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Refusal.LINK_LOCAL);
        }
        if (address.isLoopbackAddress()) {
            return allowPrivateTargets ? Optional.empty() : Optional.of(Refusal.LOOPBACK);
        }
        if (isPrivate(address)) {
            return allowPrivateTargets ? Optional.empty() : Optional.of(Refusal.PRIVATE);
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
