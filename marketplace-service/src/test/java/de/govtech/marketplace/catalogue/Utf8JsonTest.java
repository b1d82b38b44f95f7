package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every form of the kept JSON is the one Jackson's own {@link SerializedString} gives for the same text. */
class Utf8JsonTest {

    private static final String JSON = "{\"name\":\"Deichschau \\\"Nord\\\" – Pegel & Wehr\",\"ort\":\"Köge\"}";

    private final SerializableString jackson = new SerializedString(JSON);
    private final SerializableString kept = new Utf8Json(JSON.getBytes(StandardCharsets.UTF_8));

    @Test
    void theTextAndItsQuotedAndUnquotedFormsAreJacksons() throws Exception {
        assertEquals(jackson.getValue(), kept.getValue());
        assertEquals(jackson.charLength(), kept.charLength());
        assertArrayEquals(jackson.asUnquotedUTF8(), kept.asUnquotedUTF8());
        assertArrayEquals(jackson.asQuotedUTF8(), kept.asQuotedUTF8());
        assertArrayEquals(jackson.asQuotedChars(), kept.asQuotedChars());

        ByteArrayOutputStream unquoted = new ByteArrayOutputStream();
        ByteArrayOutputStream quoted = new ByteArrayOutputStream();
        assertEquals(kept.asUnquotedUTF8().length, kept.writeUnquotedUTF8(unquoted));
        assertEquals(kept.asQuotedUTF8().length, kept.writeQuotedUTF8(quoted));
        assertArrayEquals(jackson.asUnquotedUTF8(), unquoted.toByteArray());
        assertArrayEquals(jackson.asQuotedUTF8(), quoted.toByteArray());
    }

    @Test
    void appendingAndPuttingCopyAtTheOffsetOrAnswerMinusOneWhenTheBufferIsTooShort() throws Exception {
        byte[] utf8 = JSON.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[utf8.length + 3];
        assertEquals(utf8.length, kept.appendUnquotedUTF8(bytes, 3));
        assertArrayEquals(utf8, Arrays.copyOfRange(bytes, 3, bytes.length));
        assertEquals(-1, kept.appendUnquotedUTF8(bytes, 4));

        char[] chars = new char[JSON.length() + 2];
        assertEquals(JSON.length(), kept.appendUnquoted(chars, 2));
        assertEquals(JSON, new String(chars, 2, JSON.length()));
        assertEquals(-1, kept.appendUnquoted(chars, 3));

        char[] quotedChars = new char[jackson.asQuotedChars().length];
        assertEquals(quotedChars.length, kept.appendQuoted(quotedChars, 0));
        assertArrayEquals(jackson.asQuotedChars(), quotedChars);
        assertEquals(-1, kept.appendQuoted(quotedChars, 1));
        byte[] quotedBytes = new byte[jackson.asQuotedUTF8().length];
        assertEquals(quotedBytes.length, kept.appendQuotedUTF8(quotedBytes, 0));
        assertArrayEquals(jackson.asQuotedUTF8(), quotedBytes);
        assertEquals(-1, kept.appendQuotedUTF8(quotedBytes, 1));

        ByteBuffer buffer = ByteBuffer.allocate(utf8.length);
        assertEquals(utf8.length, kept.putUnquotedUTF8(buffer));
        assertArrayEquals(utf8, buffer.array());
        assertEquals(-1, kept.putUnquotedUTF8(buffer));
        assertEquals(-1, kept.putQuotedUTF8(ByteBuffer.allocate(1)));
    }
}
