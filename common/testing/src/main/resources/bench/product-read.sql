-- GET /products/api/v1/products/{id}: the one statement the product service sends (ProductReads, the reactive
-- PostgreSQL client, no transaction), for one of the benchmark's products at random.
\set id random(:first, :last)
select product_id, name, description, category, price, stock, image_key, image_content_type, created_at, updated_at from product where product_id = :id;
