-- POST /orders/api/v1/orders with two lines: the transaction the order service runs (OrderPlacements, the reactive
-- PostgreSQL client), with the same statements, parameters and row sizes: insert the order unless its idempotency
-- key is taken, its lines, its ORDER_PLACED event into the outbox, commit. One difference: the service makes the
-- order id itself; here PostgreSQL does and returns it for the lines. Variables: first, last (the product ids), uid,
-- and payload: an ORDER_PLACED event as the service writes it (pgbench would read the colons of inline JSON as
-- variables).
\set a random(:first, :last)
\set b random(:first, :last)
\set k random(1, 9000000000000000)
begin;
insert into customer_order (order_id, user_id, idempotency_key, request_hash, status, total, created_at, updated_at) values (gen_random_uuid(), :uid, concat('pgbench-', :client_id::text, '-', :k::text), '5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'PENDING', 20.00, now(), now()) on conflict (user_id, idempotency_key) do nothing returning order_id \gset
insert into order_line (order_id, line_no, product_id, product_name, quantity, price) values (:order_id, 0, :a, concat('Bench ', :a::text), 1, 10.00);
insert into order_line (order_id, line_no, product_id, product_name, quantity, price) values (:order_id, 1, :b, concat('Bench ', :b::text), 1, 10.00);
insert into outbox (topic, message_key, payload, trace_parent, created_at) values ('order-events', :k::text, :payload, null, now());
commit;
