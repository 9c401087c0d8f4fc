package dev.halyard.common.openapi;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;

/**
 * The service's own OpenAPI document, read once on the first 405, as the table of which methods each path
 * answers.
 */
@Singleton
public class DocumentedRoutes {

    private static final Logger LOG = Logger.getLogger(DocumentedRoutes.class);

    private final OpenApiDocumentService documents;
    private final ObjectMapper json;
    private volatile AllowedMethods allowed;

    DocumentedRoutes(OpenApiDocumentService documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** The {@code Allow} header for a path, or empty when the path is not documented. */
    public Optional<String> allow(String path) {
        AllowedMethods table = allowed;
        if (table == null) {
            try {
                table = AllowedMethods.of(json.readTree(
                        documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON)));
            } catch (IOException | RuntimeException e) {
                // a 405 without Allow is still a correct refusal; never turn it into a 500
                LOG.warnf("Cannot read the OpenAPI document for the Allow header: %s", e.getMessage());
                return Optional.empty();
            }
            allowed = table;
        }
        return table.allow(path);
    }
}
