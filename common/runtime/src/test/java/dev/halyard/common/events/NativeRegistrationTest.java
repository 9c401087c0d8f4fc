package dev.halyard.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.halyard.common.error.Problem;

/**
 * Types that go through an ObjectMapper by hand (the outbox writes events, EventReader reads them, exception mappers
 * and HttpGuard write problems) are invisible to Quarkus's own registration; without {@link RegisterForReflection}
 * the native image serializes them as empty objects. A new event record that forgets it fails here, not in the
 * native build on main.
 */
class NativeRegistrationTest {

    @Test
    void everyEventTypeIsRegisteredForReflection() throws Exception {
        List<Class<?>> types = typesIn(OrderEvent.class);
        assertFalse(types.isEmpty());
        Set<Class<?>> registered = registered(types);
        for (Class<?> type : types) {
            if (type.isRecord() || type.isEnum()) {
                assertEquals(true, registered.contains(type), type.getName() + " needs @RegisterForReflection");
            }
        }
    }

    @Test
    void problemDocumentsAreRegisteredForReflection() {
        Set<Class<?>> registered = registered(List.of(Problem.class));
        assertEquals(Set.of(Problem.class, Problem.FieldError.class), registered);
    }

    /** Every class compiled into the package of {@code anchor}, nested ones included. */
    private static List<Class<?>> typesIn(Class<?> anchor) throws IOException, URISyntaxException {
        Path folder = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(anchor.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .<Class<?>>map(name -> load(anchor.getPackageName() + "." + name.substring(0, name.length() - 6)))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Class<?>> registered(List<Class<?>> types) {
        Set<Class<?>> registered = new HashSet<>();
        for (Class<?> type : types) {
            RegisterForReflection annotation = type.getAnnotation(RegisterForReflection.class);
            if (annotation == null) {
                continue;
            }
            if (annotation.targets().length == 0) {
                registered.add(type);
            }
            registered.addAll(List.of(annotation.targets()));
        }
        return registered;
    }
}
