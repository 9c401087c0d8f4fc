package dev.halyard.common.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import dev.halyard.common.error.ProblemException;
import dev.halyard.common.error.ProblemType;

/** The rules every image upload passes: size limit, an accepted format, and content that matches its label. */
@ApplicationScoped
public class ImageUploads {

    private final StorageConfig config;

    ImageUploads(StorageConfig config) {
        this.config = config;
    }

    /**
     * Checks an upload and names its object key, {@code <owner>/<content hash>.<ext>}: a new image gets a new
     * key, so CDN caches never serve a stale one and old keys can be cached forever.
     */
    public AcceptedImage accept(String owner, String declaredContentType, byte[] content) {
        ImageType declared = ImageType.fromMediaType(declaredContentType)
                .orElseThrow(() -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Images must be image/png, image/jpeg or image/webp."));
        if (content == null || content.length == 0) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The image is empty.");
        }
        if (content.length > config.maxImageBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "Images may be at most " + config.maxImageBytes() + " bytes.");
        }
        ImageType actual = ImageType.sniff(content)
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                        "The content is not a PNG, JPEG or WebP image."));
        if (actual != declared) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The content is " + actual.mediaType() + " but was sent as " + declared.mediaType() + ".");
        }
        String key = owner + "/" + sha256(content).substring(0, 32) + "." + actual.extension();
        return new AcceptedImage(key, actual, content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * An image that passed the rules.
     *
     * @param key the object key to store it under
     * @param type its verified format
     * @param content its bytes
     */
    public record AcceptedImage(String key, ImageType type, byte[] content) {
    }
}
