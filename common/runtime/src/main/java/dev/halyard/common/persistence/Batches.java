package dev.halyard.common.persistence;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Set-based writes of the saga's batches with the reactive SQL client. */
public final class Batches {

    private Batches() {
    }

    /**
     * Runs {@code sql} once per row, all rows sent in one round trip; no rows is a no-op (the client refuses an
     * empty batch, and a batch of events often changes nothing of one kind).
     */
    public static Uni<Void> execute(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }
}
