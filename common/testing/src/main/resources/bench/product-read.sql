-- GET /products/api/v1/products/{id}: the one statement the product service sends (Hibernate Reactive's find by
-- id, no transaction), for one of the benchmark's products at random.
\set id random(:first, :last)
select p1_0.product_id,p1_0.category,p1_0.created_at,p1_0.description,p1_0.image_content_type,p1_0.image_key,p1_0.name,p1_0.price,p1_0.stock,p1_0.updated_at from product p1_0 where p1_0.product_id=:id;
