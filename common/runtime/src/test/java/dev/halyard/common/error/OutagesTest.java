package dev.halyard.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;

class OutagesTest {

    @Test
    void aLostDatabaseIsAnOutageWhereverItSitsInTheChain() {
        assertTrue(Outages.isOutage(new IllegalStateException("wrapped", new ConnectException("refused"))));
        assertTrue(Outages.isOutage(new CompositeException(new IllegalStateException("first"),
                new PgException("terminating connection", "FATAL", "57P01", null))));
        assertTrue(Outages.isOutage(new PgException("no connection", "FATAL", "08006", null)));
    }

    @Test
    void aConnectionResetUnderAQueryIsAnOutage() {
        // what a checkout in flight saw when PostgreSQL stopped in the database-restart scenario: it was a 500
        assertTrue(Outages.isOutage(new SocketException("Connection reset")));
        assertTrue(Outages.isOutage(new CompositeException(new SocketException("Connection reset"))));
    }

    @Test
    void ourOwnFaultsAndDataErrorsAreNot() {
        assertFalse(Outages.isOutage(new NullPointerException()));
        assertFalse(Outages.isOutage(new PgException("duplicate key", "ERROR", "23505", null)));
    }

    @Test
    void aNulInTextIsSpotted() {
        assertTrue(Outages.isUnstorableText(new RuntimeException(new PgException(
                "invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null))));
        assertTrue(Outages.isUnstorableText(new org.hibernate.exception.DataException("could not execute statement",
                new java.sql.SQLException("invalid byte sequence", "22021"))));
        assertFalse(Outages.isUnstorableText(new PgException("duplicate key", "ERROR", "23505", null)));
    }
}
