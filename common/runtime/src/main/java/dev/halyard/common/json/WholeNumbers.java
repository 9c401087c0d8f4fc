package dev.halyard.common.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * JSON has one number type, and JSON Schema calls {@code 2.0} an integer; so do we. A fraction ({@code 2.5}) or a
 * value beyond the Java type's range is still refused, never truncated.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    static SimpleModule module() {
        return new SimpleModule("whole-numbers")
                .addDeserializer(Integer.class, new Whole<>(Integer.class,
                        new NumberDeserializers.IntegerDeserializer(Integer.class, null), BigDecimal::intValueExact))
                .addDeserializer(Long.class, new Whole<>(Long.class,
                        new NumberDeserializers.LongDeserializer(Long.class, null), BigDecimal::longValueExact));
    }

    @FunctionalInterface
    private interface Exact<T> {
        /** The value, or ArithmeticException when it has a fraction or does not fit. */
        T of(BigDecimal value);
    }

    private static final class Whole<T> extends StdScalarDeserializer<T> {

        private final transient JsonDeserializer<T> standard;
        private final transient Exact<T> exact;

        Whole(Class<T> type, JsonDeserializer<T> standard, Exact<T> exact) {
            super(type);
            this.standard = standard;
            this.exact = exact;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return standard.deserialize(parser, context);
            }
            BigDecimal value = parser.getDecimalValue();
            try {
                return exact.of(value);
            } catch (ArithmeticException e) {
                return (T) context.handleWeirdNumberValue(handledType(), value,
                        "not a whole number in the range of " + handledType().getSimpleName());
            }
        }
    }
}
