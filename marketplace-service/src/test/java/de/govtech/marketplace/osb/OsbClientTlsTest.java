package de.govtech.marketplace.osb;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * https through the checked address: the client connects to the address {@link BrokerAddressRule} checked (the
 * resolver answers 127.0.0.1 for {@code broker.test}) and verifies the certificate against the host name in the URL,
 * trusting a test CA made here (no key is committed). A certificate for another name, or from a CA the client does
 * not trust, fails the call cleanly: the TLS failure kind, nothing of the address in the message.
 */
class OsbClientTlsTest {

    static final String HOST = "broker.test";
    static final AtomicLong SERIAL = new AtomicLong(1);

    static Vertx vertx;
    static Issuer testCa;
    static Issuer otherCa;
    static String testCaPem;

    private final List<HttpsServer> servers = new ArrayList<>();

    @BeforeAll
    static void makeCertificateAuthorities() throws Exception {
        vertx = Vertx.vertx();
        testCa = Issuer.authority("CN=GovTech Test Broker CA");
        otherCa = Issuer.authority("CN=Somebody Else's CA");
        testCaPem = pem(testCa.certificate());
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void theCallSucceedsWithTheBrokersHostNameOnItsCertificate() throws Exception {
        URI url = brokerServedWith(testCa, HOST);
        try (OsbClient client = client(new PemTrustOptions().addCertValue(Buffer.buffer(testCaPem)))) {
            OsbResponse catalog = client.catalog(endpoint(url), identity());
            assertEquals(200, catalog.status());
            assertEquals("[]", catalog.body().path("services").toString());
        }
    }

    @Test
    void aCertificateForAnotherNameFailsCleanly() throws Exception {
        URI url = brokerServedWith(testCa, "other.test");
        try (OsbClient client = client(new PemTrustOptions().addCertValue(Buffer.buffer(testCaPem)))) {
            assertTlsFailure(url, client);
        }
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityFailsCleanly() throws Exception {
        URI url = brokerServedWith(otherCa, HOST);
        try (OsbClient client = client(new PemTrustOptions().addCertValue(Buffer.buffer(testCaPem)))) {
            assertTlsFailure(url, client);
        }
    }

    @Test
    void withoutTrustConfiguredTheJvmsTrustStoreDecides() throws Exception {
        URI url = brokerServedWith(testCa, HOST);
        try (OsbClient client = client(null)) {
            assertTlsFailure(url, client);
        }
    }

    private static void assertTlsFailure(URI url, OsbClient client) {
        BrokerUnreachableException e = assertThrows(BrokerUnreachableException.class,
                () -> client.catalog(endpoint(url), identity()));
        assertEquals(BrokerUnreachableException.Kind.TLS_FAILED, e.kind(), e.getMessage());
        for (String part : List.of("127.0.0.1", HOST, "other.test", String.valueOf(url.getPort()))) {
            assertFalse(e.getMessage().contains(part), e.getMessage());
        }
    }

    private static OsbClient client(io.vertx.core.net.TrustOptions trust) {
        BrokerAddressRule rule = new BrokerAddressRule(false, true, host -> {
            if (!host.equals(HOST)) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1})};
        });
        return new OsbClient(vertx, Duration.ofSeconds(5), Duration.ofSeconds(10), OsbClient.MAX_RESPONSE_BYTES, rule, 4,
                trust);
    }

    private static BrokerEndpoint endpoint(URI url) {
        return new BrokerEndpoint(url, "broker", "broker-secret");
    }

    private static OriginatingIdentity identity() {
        return new OriginatingIdentity("tls.test", java.util.UUID.randomUUID());
    }

    /** An https broker on 127.0.0.1 whose certificate for {@code name} is issued by {@code issuer}; its URL names {@link #HOST}. */
    private URI brokerServedWith(Issuer issuer, String name) throws Exception {
        KeyPair keys = Issuer.newKeys();
        X509Certificate certificate = issuer.issue(name, keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "test".toCharArray();
        store.setKeyEntry("broker", keys.getPrivate(), password, new Certificate[] {certificate, issuer.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/v2/catalog", exchange -> {
            byte[] body = "{\"services\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("https://" + HOST + ":" + server.getAddress().getPort());
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** A certificate authority made for the test run (BouncyCastle); its key never leaves the JVM. */
    record Issuer(X500Name name, KeyPair keys, X509Certificate certificate) {

        static KeyPair newKeys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        }

        static Issuer authority(String distinguishedName) throws Exception {
            X500Name name = new X500Name(distinguishedName);
            KeyPair keys = newKeys();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(Instant.EPOCH.plusSeconds(1)), Date.from(Instant.parse("2099-01-01T00:00:00Z")), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Issuer(name, keys, certificate);
        }

        X509Certificate issue(String hostName, KeyPair subject) throws Exception {
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(Instant.EPOCH.plusSeconds(1)), Date.from(Instant.parse("2099-01-01T00:00:00Z")),
                    new X500Name("CN=" + hostName), subject.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, hostName)));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        }
    }
}
