package de.govtech.platform.support.input;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every string read from a JSON body is refused when it holds the NUL character, which PostgreSQL cannot store:
 * the caller gets a 400 naming the property instead of a failed write.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings")
                .addDeserializer(String.class, new NulFreeStringDeserializer())
                .addKeyDeserializer(String.class, new NulFreeKeyDeserializer()));
    }

    static boolean containsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    static final class NulFreeStringDeserializer extends StdScalarDeserializer<String> {

        NulFreeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (containsNul(value)) {
                return (String) context.handleWeirdStringValue(String.class, value, UnstorableCharacters.NUL_MESSAGE);
            }
            return value;
        }
    }

    static final class NulFreeKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (containsNul(key)) {
                return context.handleWeirdKey(String.class, key, UnstorableCharacters.NUL_MESSAGE);
            }
            return key;
        }
    }
}
