package dev.halyard.order;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;

/**
 * Records every call of the token parser, outside common's CachingJwtParser (a lower priority is called first): per
 * token, whether each call ran on a worker thread.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION - 1)
public abstract class ParserCalls implements JWTParser {

    private static final Map<String, List<Boolean>> ON_WORKER = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        ON_WORKER.computeIfAbsent(token, t -> new CopyOnWriteArrayList<>()).add(Context.isOnWorkerThread());
        return delegate.parse(token);
    }

    /** For each call with {@code token} so far, in order: did it run on a worker thread? */
    static List<Boolean> onWorker(String token) {
        return List.copyOf(ON_WORKER.getOrDefault(token, List.of()));
    }
}
