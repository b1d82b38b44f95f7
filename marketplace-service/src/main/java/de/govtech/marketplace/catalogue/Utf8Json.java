package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON already written, kept once as its UTF-8 bytes, for {@code writeRawValue}. Jackson's {@code SerializedString}
 * keeps the text and, once written to a byte stream, its UTF-8 bytes as well: twice the memory for a kept card's JSON.
 * A generator writing bytes (an answer) copies these bytes; one writing characters decodes them each time.
 */
final class Utf8Json implements SerializableString {

    private final byte[] utf8;

    /** @param utf8 the JSON's bytes, owned from now on */
    Utf8Json(byte[] utf8) {
        this.utf8 = utf8;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return append(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        char[] quoted = asQuotedChars();
        if (!fits(quoted.length, buffer.length, offset)) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return append(utf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String value = getValue();
        if (!fits(value.length(), buffer.length, offset)) {
            return -1;
        }
        value.getChars(0, value.length(), buffer, offset);
        return value.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(asQuotedUTF8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(utf8, buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }

    private static int append(byte[] bytes, byte[] buffer, int offset) {
        if (!fits(bytes.length, buffer.length, offset)) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
        if (bytes.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(bytes);
        return bytes.length;
    }

    private static boolean fits(int length, int bufferLength, int offset) {
        return offset + length <= bufferLength;
    }
}
