package de.govtech.marketplace.osb;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final PasswordCipher cipher = new PasswordCipher(KEY);

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        String first = cipher.encrypt("broker-secret");
        String second = cipher.encrypt("broker-secret");
        assertFalse(first.contains("broker-secret"));
        assertNotEquals(first, second, "a fresh nonce per value");
        assertEquals("broker-secret", cipher.decrypt(first));
        assertEquals("broker-secret", cipher.decrypt(second));
    }

    @Test
    void aTamperedValueOrAnotherKeyDoesNotDecrypt() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("broker-secret"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed)));
        byte[] other = new byte[32];
        other[0] = 1;
        PasswordCipher otherKey = new PasswordCipher(Base64.getEncoder().encodeToString(other));
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(cipher.encrypt("broker-secret")));
    }

    @Test
    void theKeyMustBe256BitBase64() {
        assertThrows(IllegalStateException.class, () -> new PasswordCipher(null));
        assertThrows(IllegalStateException.class, () -> new PasswordCipher(""));
        assertThrows(IllegalStateException.class, () -> new PasswordCipher("not base64!"));
        assertThrows(IllegalStateException.class, () -> new PasswordCipher(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
