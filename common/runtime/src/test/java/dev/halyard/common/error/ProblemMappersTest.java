package dev.halyard.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    record Item(@NotBlank String productId, @NotNull @Min(1) Integer unitCount) {
    }

    record Checkout(@NotNull List<@Valid @NotNull Item> items, @NotBlank String idempotencyKey) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void fieldsAreNamedAsOnTheWireWithListIndexes() {
        Checkout checkout = new Checkout(List.of(new Item("A", 1), new Item("", 0)), "");
        Set<String> fields = new TreeSet<>();
        for (ConstraintViolation<Checkout> violation : validator.validate(checkout)) {
            fields.add(ProblemMappers.fieldName(violation.getPropertyPath()));
        }
        assertEquals(Set.of("idempotency_key", "items[1].product_id", "items[1].unit_count"), fields);
    }

    @Test
    void serverFaultsHideTheirCause() {
        Response response = new ProblemMappers().unexpected(
                new IllegalStateException("password=hunter2 at org.example.Secret"), null);
        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://halyard.dev/problems/internal-error", problem.type());
        assertFalse(problem.detail().contains("hunter2"));
        assertFalse(problem.detail().contains("IllegalStateException"));
    }

    @Test
    void snakeCaseMatchesJacksonNaming() {
        assertEquals("unit_price", ProblemMappers.snakeCase("unitPrice"));
        assertEquals("product_id", ProblemMappers.snakeCase("productId"));
        assertEquals("name", ProblemMappers.snakeCase("name"));
    }
}
