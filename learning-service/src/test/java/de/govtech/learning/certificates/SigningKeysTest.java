package de.govtech.learning.certificates;

import de.govtech.platform.testkit.KafkaTestResource;
import de.govtech.platform.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** One signing key for every instance and restart: the stored one, or the configured PEM file. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "learning"),
        scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class SigningKeysTest {

    @Inject
    EntityManager entities;

    static CredentialsConfig config(Optional<String> location) {
        return new CredentialsConfig() {
            @Override
            public Optional<String> signingKeyLocation() {
                return location;
            }

            @Override
            public String publicBaseUrl() {
                return "https://test.example.de";
            }

            @Override
            public String issuerName() {
                return "Test";
            }

            @Override
            public String issuerUrl() {
                return "https://test.example.de";
            }
        };
    }

    @Test
    void anotherInstanceSignsWithTheStoredKey() {
        String published = given().get("/api/v1/learning/issuer/jwks").then().statusCode(200).extract().path("keys[0].kid");
        SigningKeys secondInstance = new SigningKeys(config(Optional.empty()), entities, Clock.systemUTC());
        assertEquals(published, secondInstance.signingKey().getKeyID());
    }

    @Test
    void aConfiguredPemFileIsUsed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path file = Files.createTempFile("issuer", ".pem");
        Files.writeString(file, pem);
        SigningKeys configured = new SigningKeys(config(Optional.of(file.toString())), entities, Clock.systemUTC());
        String published = given().get("/api/v1/learning/issuer/jwks").then().extract().path("keys[0].kid");
        assertNotEquals(published, configured.signingKey().getKeyID());
        assertEquals(configured.signingKey().getKeyID(),
                new SigningKeys(config(Optional.of(file.toString())), entities, Clock.systemUTC()).signingKey().getKeyID());
    }
}
