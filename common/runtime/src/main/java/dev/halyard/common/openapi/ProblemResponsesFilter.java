package dev.halyard.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

import dev.halyard.common.error.Problem;

/**
 * Documents what every operation may answer besides success: a problem document (RFC 9457). Registered with
 * {@code mp.openapi.filter}, so each service's contract states its error format once, correctly.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
            operation.getResponses().setDefaultValue(OASFactory.createAPIResponse()
                    .description("Error, as an RFC 9457 problem document")
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)))));
            // the HTTP server refuses these before any application code runs, so they come without a body
            operation.getResponses().addAPIResponse("414", OASFactory.createAPIResponse()
                    .description("Request line over 4 KiB, refused by the HTTP server without a body"));
            operation.getResponses().addAPIResponse("431", OASFactory.createAPIResponse()
                    .description("Request headers over 20 KiB, refused by the HTTP server without a body"));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        // insertion-ordered: the committed contract must come out byte for byte the same on every build
        Map<String, Schema> fieldErrorProperties = new LinkedHashMap<>();
        fieldErrorProperties.put("field", string);
        fieldErrorProperties.put("message", string);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(fieldErrorProperties);
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string);
        properties.put("title", string);
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        properties.put("detail", string);
        properties.put("instance", string);
        properties.put("correlation_id", string);
        properties.put("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .properties(properties)
                .addRequired("type").addRequired("title").addRequired("status");
        openAPI.getComponents().addSchema("Problem", problem);
    }
}
