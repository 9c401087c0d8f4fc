-- POST /orders/api/v1/orders with two lines: what the order service's statement (OrderPlacements.PLACE, the
-- reactive PostgreSQL client) writes for one order, with the same tables and row sizes: the order unless its
-- idempotency key is taken, its lines and its ORDER_PLACED event into the outbox, in one statement and so one
-- transaction. Differences: the service makes the order id itself, here PostgreSQL does; under load the service
-- writes the checkouts that arrive together in one statement (arrays of orders, lines and events), here every
-- order is a statement and a transaction of its own, the cheapest way to place orders one at a time. Variables:
-- first, last (the product ids), uid, and payload: an ORDER_PLACED event as the service writes it (pgbench would
-- read the colons of inline JSON as variables).
\set a random(:first, :last)
\set b random(:first, :last)
\set k random(1, 9000000000000000)
with placed as (
    insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total, created_at, updated_at)
    values (gen_random_uuid(), :uid, concat('pgbench-', :client_id::text, '-', :k::text), '5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'PENDING', 20.00, now(), now())
    on conflict (user_id, idempotency_key) do nothing
    returning order_id),
lines as (
    insert into order_line (order_id, line_no, product_id, product_name, quantity, price)
    select placed.order_id, line.n - 1, line.product_id, line.product_name, line.quantity, line.price
    from placed, unnest(array[:a::text, :b::text]::varchar[], array[concat('Bench ', :a::text), concat('Bench ', :b::text)]::varchar[], array[1, 1], array[10.00, 10.00])
        with ordinality as line (product_id, product_name, quantity, price, n)),
event as (
    insert into outbox (topic, message_key, payload, trace_parent, created_at)
    select 'order-events', :k::text, :payload, null, now() from placed)
select count(*) as placed from placed;
