package dev.halyard.common.error;

import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a dependency that is away (the database restarting or failing over, a connection cut) from a fault of
 * ours. The first is answered 503 with Retry-After, so clients and load balancers retry; the second stays a 500.
 * Also spots the one data error PostgreSQL raises on input that passed validation: a NUL character in text.
 */
final class Outages {

    private Outages() {
    }

    static boolean isOutage(Throwable error) {
        // a SocketException is a refused connection or one cut under a query (reset when the database stops); a
        // client that hangs up gets no answer at all, so it never reaches a mapper as one
        return find(error, e -> e instanceof SocketException || e instanceof ClosedConnectionException
                || unavailable(sqlState(e)));
    }

    /** SQLSTATE 22021: PostgreSQL text cannot hold the NUL character (nor bytes that are not UTF-8). */
    static boolean isUnstorableText(Throwable error) {
        return find(error, e -> "22021".equals(sqlState(e)));
    }

    /** The SQLSTATE the driver reported, as Vert.x or as Hibernate (which wraps it in a JDBCException). */
    private static String sqlState(Throwable e) {
        if (e instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (e instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return e instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    }

    private static boolean find(Throwable error, java.util.function.Predicate<Throwable> match) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.push(error);
        while (!todo.isEmpty()) {
            Throwable e = todo.pop();
            if (!seen.add(e)) {
                continue;
            }
            if (match.test(e)) {
                return true;
            }
            if (e instanceof CompositeException composite) {
                composite.getCauses().forEach(todo::push);
            }
            if (e.getCause() != null) {
                todo.push(e.getCause());
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down or starting). */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
