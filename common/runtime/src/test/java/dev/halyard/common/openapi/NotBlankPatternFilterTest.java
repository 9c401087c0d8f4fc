package dev.halyard.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Pattern;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.OASFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class NotBlankPatternFilterTest {

    record Named(@NotBlank String name) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final Pattern documented = Pattern.compile(NotBlankPatternFilter.NOT_BLANK);

    @Test
    void theDocumentedPatternAgreesWithBeanValidationOnEveryKindOfBlank() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String value = String.valueOf(c);
            assertEquals(validator.validate(new Named(value)).isEmpty(), documented.matcher(value).find(),
                    "disagree on " + escape(value));
        }
        for (String value : new String[]{"", " ", "\t\n\u000b\f\r", "\u001c\u001d\u001e\u001f", "\u0000 \u0001",
                "a", " a ", "\u00a0", "\u2007", "\u202f", "\u1680\u2000\u2006\u2008\u200a", "\u2028\u2029\u205f\u3000",
                "\u0085", "\u200b", "名", "\u001fx"}) {
            boolean serviceAccepts = validator.validate(new Named(value)).isEmpty();
            // JSON Schema patterns search; find() is that reading
            assertEquals(serviceAccepts, documented.matcher(value).find(), "disagree on " + escape(value));
        }
    }

    @Test
    void onlyTheNotBlankPatternIsRewritten() {
        NotBlankPatternFilter filter = new NotBlankPatternFilter();
        assertEquals(NotBlankPatternFilter.NOT_BLANK,
                filter.filterSchema(OASFactory.createSchema().pattern("\\S")).getPattern());
        assertEquals("^[a-z]+$", filter.filterSchema(OASFactory.createSchema().pattern("^[a-z]+$")).getPattern());
        assertNull(filter.filterSchema(OASFactory.createSchema()).getPattern());
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
