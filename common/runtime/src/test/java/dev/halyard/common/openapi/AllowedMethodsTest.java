package dev.halyard.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class AllowedMethodsTest {

    private static final String DOCUMENT = """
            {"paths": {
              "/products": {"get": {}, "post": {}},
              "/products/{id}": {"parameters": [], "get": {}, "put": {}, "patch": {}},
              "/products/{id}/image": {"put": {}},
              "/images/{owner}/{file}": {"get": {}}
            }}""";

    private final AllowedMethods allowed = parse(DOCUMENT);

    @Test
    void listsTheDocumentedMethodsWithHeadForGetAndOptions() {
        assertEquals(Optional.of("GET, HEAD, OPTIONS, POST"), allowed.allow("/products"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS, PATCH, PUT"), allowed.allow("/products/TEST001"));
        assertEquals(Optional.of("OPTIONS, PUT"), allowed.allow("/products/TEST001/image"));
    }

    @Test
    void aTemplateVariableMatchesOneSegmentOnly() {
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.allow("/images/u1/a.webp"));
        assertEquals(Optional.empty(), allowed.allow("/images/u1"));
        assertEquals(Optional.empty(), allowed.allow("/images/u1/a/b.webp"));
    }

    @Test
    void literalPartsAreNotRegularExpressions() {
        AllowedMethods dotted = parse("{\"paths\": {\"/.well-known/jwks.json\": {\"get\": {}}}}");
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), dotted.allow("/.well-known/jwks.json"));
        assertEquals(Optional.empty(), dotted.allow("/.well-known/jwksXjson"));
    }

    @Test
    void anUndocumentedPathHasNoAllowHeader() {
        assertEquals(Optional.empty(), allowed.allow("/orders"));
        assertEquals(Optional.empty(), parse("{}").allow("/products"));
    }

    private static AllowedMethods parse(String json) {
        try {
            return AllowedMethods.of(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
