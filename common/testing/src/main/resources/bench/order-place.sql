-- POST /orders/api/v1/orders with two lines: the transaction the order service runs (Hibernate Reactive), with the
-- same statements, parameters and row sizes: look the idempotency key up, insert the ORDER_PLACED event into the
-- outbox (its identity id returned, so Hibernate sends it first), the order and its lines, commit. One difference:
-- the service makes the order id itself; here PostgreSQL does and returns it for the lines. Variables: first, last (the product ids), uid, and
-- payload: an ORDER_PLACED event as the service writes it (pgbench would read the colons of inline JSON as variables).
\set a random(:first, :last)
\set b random(:first, :last)
\set k random(1, 9000000000000000)
begin;
select o1_0.order_id,o1_0.confirmed_at,o1_0.created_at,o1_0.idempotency_key,o1_0.invoice_key,o1_0.reason,o1_0.request_hash,o1_0.status,o1_0.total,o1_0.updated_at,o1_0.user_id from customer_order o1_0 where o1_0.user_id=:uid and o1_0.idempotency_key=concat('pgbench-', :client_id::text, '-', :k::text) offset 0 rows fetch first 1 rows only;
insert into outbox (created_at,message_key,payload,published_at,topic,trace_parent) values (now(),:k::text,:payload,null,'order-events',null) returning id;
insert into customer_order (confirmed_at,created_at,idempotency_key,invoice_key,reason,request_hash,status,total,updated_at,user_id,order_id) values (null,now(),concat('pgbench-', :client_id::text, '-', :k::text),null,null,'5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef','PENDING',20.00,now(),:uid,gen_random_uuid()) returning order_id \gset
insert into order_line (order_id,line_no,price,product_id,product_name,quantity) values (:order_id,0,10.00,:a,concat('Bench ', :a::text),1);
insert into order_line (order_id,line_no,price,product_id,product_name,quantity) values (:order_id,1,10.00,:b,concat('Bench ', :b::text),1);
commit;
