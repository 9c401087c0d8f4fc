package dev.halyard.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States {@code @NotBlank} as the service checks it: a value is blank when every character is Java whitespace
 * ({@link Character#isWhitespace}), which counts the separators U+001C to U+001F but not the no-break spaces.
 * SmallRye documents the constraint as {@code \S}, which JSON Schema reads with its own whitespace, so
 * {@code "\u001f"} was valid to a client and blank to the service. The class below lists Java's whitespace.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NotBlankPatternFilter implements OASFilter {

    /** A character that is not Java whitespace: found in a value, the value is not blank. */
    public static final String NOT_BLANK = "[^\\t\\n\\x0B\\f\\r\\x1C-\\x20\\u1680\\u2000-\\u2006\\u2008-\\u200A"
            + "\\u2028\\u2029\\u205F\\u3000]";

    @Override
    public Schema filterSchema(Schema schema) {
        if ("\\S".equals(schema.getPattern())) {
            schema.setPattern(NOT_BLANK);
        }
        return schema;
    }
}
