package dev.halyard.order.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The saga's answer must find its order by key however many orders are PENDING: planned against the partial index
 * of PENDING orders, each answer scanned the whole backlog (seen in the benchmark: 28,000 pending orders drained at
 * about 100 a second).
 */
@QuarkusTest
class SettlePlanTest {

    @Inject
    DataSource database;

    @Test
    void anAnswerFindsItsOrderByKeyEvenWhenTheStatisticsSayNothingIsPending() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // the statistics of a busy shop at a quiet moment: many orders, none pending, so the partial index
            // looks empty to the planner (all of it is rolled back)
            s.execute("update customer_order set status = 'CANCELLED' where status = 'PENDING'");
            s.execute("""
                    insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total,
                        created_at, updated_at, confirmed_at)
                    select gen_random_uuid(), gen_random_uuid(), 'plan-' || n, 'hash', 'CONFIRMED', 1, now(), now(),
                        now()
                    from generate_series(1, 20000) n""");
            s.execute("analyze customer_order");
            // the plan a prepared statement keeps after its first executions, whatever the parameters
            s.execute("set local plan_cache_mode = force_generic_plan");
            s.execute("prepare settle(uuid, varchar, varchar, timestamptz, timestamptz) as " + OrderSaga.SETTLE);
            String plan = plan(s, "explain execute settle(gen_random_uuid(), 'CONFIRMED', null, now(), now())");
            s.execute("deallocate settle"); // a prepared statement outlives the rollback on the pooled connection
            c.rollback();
            assertTrue(plan.contains("customer_order_pkey"), plan);
            assertFalse(plan.contains("customer_order_pending_idx"), plan);
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
