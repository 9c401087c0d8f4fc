package dev.halyard.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Set-based writes of the saga's batches with the reactive SQL client. */
public final class Batches {

    private Batches() {
    }

    /**
     * Runs {@code sql} once per row, all rows sent in one round trip; no rows is a no-op (the client refuses an
     * empty batch, and a batch of events often changes nothing of one kind). For statements whose rows must apply
     * one after the other (a conditional UPDATE that a later row of the batch may find already done).
     */
    public static Uni<Void> execute(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    /**
     * Runs {@code sql} once for all rows: its parameters are one array per column ({@code $1::uuid[]}, ...), which
     * the statement unnests. {@link #execute} sends the rows in one round trip too, but PostgreSQL still executes the
     * statement once per row; one INSERT of the whole batch cost it about 9 µs less CPU per row (by hand,
     * docs/performance.md), and the saga inserts six rows per order this way. No rows is a no-op.
     *
     * @param rows each row's values, in the order of {@code columns}; null values are allowed
     * @param columns each column's array constructor, e.g. {@code UUID[]::new}: typed arrays, so the client binds
     *        {@code uuid[]} rather than an array of objects (a constructor rather than a class, so that no
     *        reflection is needed in the native executable)
     */
    public static Uni<Void> executeColumns(SqlConnection connection, String sql, List<Object[]> rows,
            IntFunction<?>... columns) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).execute(columns(rows, columns)).replaceWithVoid();
    }

    /** The rows turned into one array per column, as {@link #executeColumns} sends them. */
    static Tuple columns(List<Object[]> rows, IntFunction<?>... columns) {
        return appendColumns(Tuple.tuple(), rows, columns);
    }

    /**
     * Adds the rows to {@code tuple} as one array per column, as {@link #executeColumns} sends them: for a statement
     * that unnests several batches (checkout's orders, lines and events), one after the other.
     *
     * @return {@code tuple}
     */
    public static Tuple appendColumns(Tuple tuple, List<Object[]> rows, IntFunction<?>... columns) {
        List<Object[]> arrays = new ArrayList<>(columns.length);
        for (IntFunction<?> column : columns) {
            arrays.add((Object[]) column.apply(rows.size()));
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != columns.length) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + row.length + " values for " + columns.length + " columns");
            }
            for (int c = 0; c < columns.length; c++) {
                // a value of another type is refused here (ArrayStoreException), rather than sent in a wrong array
                arrays.get(c)[r] = row[c];
            }
        }
        arrays.forEach(tuple::addValue);
        return tuple;
    }
}
