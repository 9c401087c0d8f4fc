package dev.halyard.user;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import dev.halyard.testing.PlatformTestResource;

/** Every {@code @QuarkusTest} of this module runs against one real PostgreSQL and S3, started once. */
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "domain", value = "user"), @ResourceArg(name = "kafka", value = "true")})
public final class UserTestResources {

    private UserTestResources() {
    }
}
