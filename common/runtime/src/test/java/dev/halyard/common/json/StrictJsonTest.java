package dev.halyard.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class StrictJsonTest {

    record Line(Integer quantity, Long total, BigDecimal price, String name) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void aWholeNumberWrittenWithAFractionIsAnInteger() throws JsonProcessingException {
        Line line = read("{\"quantity\": 2.0, \"total\": 3e2}");
        assertEquals(2, line.quantity());
        assertEquals(300L, line.total());
        assertEquals(7, read("{\"quantity\": 7}").quantity());
        assertNull(read("{\"quantity\": null}").quantity());
    }

    @Test
    void aFractionIsRefusedNotTruncated() {
        assertThrows(MismatchedInputException.class, () -> read("{\"quantity\": 1.5}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"total\": 0.1}"));
    }

    @Test
    void aValueBeyondTheTypeIsRefusedNotWrapped() {
        assertThrows(MismatchedInputException.class, () -> read("{\"quantity\": 3000000000.0}"));
        assertThrows(JsonProcessingException.class, () -> read("{\"quantity\": 3000000000}"));
    }

    @Test
    void noSilentCoercionBetweenTextAndNumbers() {
        assertThrows(MismatchedInputException.class, () -> read("{\"quantity\": \"2\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"price\": \"12\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"name\": 12}"));
    }

    private Line read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Line.class);
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
