package de.govtech.marketplace.catalogue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Writes a kept catalogue card's app as the JSON written for it the first time ({@link CatalogueCards}), as bytes
 * already encoded; any other app as Jackson writes the record. The card's JSON is written by that same serializer,
 * so both are the same text.
 */
@Singleton
public class CatalogueCardJson implements ObjectMapperCustomizer {

    private final Provider<CatalogueCards> cards;

    /** The cards are looked up when an app is first written: the mapper is made before the configuration is read. */
    public CatalogueCardJson(Provider<CatalogueCards> cards) {
        this.cards = cards;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module(new Once<>(cards::get), mapper.getFactory()));
    }

    static SimpleModule module(Supplier<CatalogueCards> cards, JsonFactory factory) {
        return new SimpleModule("catalogue-cards").setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                      JsonSerializer<?> serializer) {
                return bean.getBeanClass() == CatalogueApp.class
                        ? new CardSerializer(cards, factory, (JsonSerializer<Object>) serializer) : serializer;
            }
        });
    }

    /** Around Jackson's serializer of the record, which it resolves and contextualises as before. */
    static final class CardSerializer extends StdSerializer<CatalogueApp>
            implements ResolvableSerializer, ContextualSerializer {

        private final Supplier<CatalogueCards> cards;
        private final JsonFactory factory;
        private final JsonSerializer<Object> record;

        CardSerializer(Supplier<CatalogueCards> cards, JsonFactory factory, JsonSerializer<Object> record) {
            super(CatalogueApp.class);
            this.cards = cards;
            this.factory = factory;
            this.record = record;
        }

        @Override
        public void serialize(CatalogueApp app, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            SerializableString json = cards.get().json(app, kept -> write(kept, provider));
            if (json == null) {
                record.serialize(app, generator, provider);
            } else {
                generator.writeRawValue(json);
            }
        }

        private byte[] write(CatalogueApp app, SerializerProvider provider) throws IOException {
            ByteArrayOutputStream json = new ByteArrayOutputStream(4_096);
            try (JsonGenerator generator = factory.createGenerator(json, JsonEncoding.UTF8)) {
                record.serialize(app, generator, provider);
            }
            return json.toByteArray();
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (record instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (record instanceof ContextualSerializer contextual) {
                JsonSerializer<?> contextualised = contextual.createContextual(provider, property);
                return contextualised == record ? this
                        : new CardSerializer(cards, factory, (JsonSerializer<Object>) contextualised);
            }
            return this;
        }
    }

    /** A value looked up the first time it is needed, then kept. */
    static final class Once<T> implements Supplier<T> {

        private final Supplier<T> lookup;
        private volatile T value;

        Once(Supplier<T> lookup) {
            this.lookup = lookup;
        }

        @Override
        public T get() {
            T known = value;
            if (known == null) {
                known = lookup.get();
                value = known;
            }
            return known;
        }
    }
}
