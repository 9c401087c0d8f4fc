package dev.halyard.common.persistence;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/** Recognises database constraint failures that mean "the client asked for something that conflicts". */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** True when {@code failure} (or a cause) is PostgreSQL's unique_violation, e.g. a race on a unique key. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports it as its own exception, with the SQL state but not the driver's cause
            if (t instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t instanceof JDBCException && String.valueOf(t.getMessage()).contains("(" + UNIQUE_VIOLATION + ")")) {
                return true;
            }
        }
        return false;
    }
}
