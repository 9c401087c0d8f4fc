package dev.halyard.common.storage;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Object storage of a service: the one bucket its domain owns. */
@ConfigMapping(prefix = "halyard.storage")
public interface StorageConfig {

    /** Name of the domain's S3 bucket (created by Terraform in AWS, by the local platform or tests here). */
    String bucket();

    /**
     * Base URL under which the bucket's objects are publicly reachable (the CloudFront distribution in
     * production). An object's URL is this base, a slash and its key. Unset: no public URLs are published.
     */
    Optional<String> publicBaseUrl();

    /** Largest image accepted for upload, in bytes. */
    @WithDefault("1048576")
    int maxImageBytes();
}
