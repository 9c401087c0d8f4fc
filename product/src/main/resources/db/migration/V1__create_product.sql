-- Catalog and inventory. Stock may never be negative: the check is the last line of defence behind the
-- conditional UPDATE that deducts it.
create table product (
    product_id         varchar(64)    primary key,
    name               varchar(200)   not null,
    description        varchar(4000),
    category           varchar(100),
    price              numeric(12, 2) not null check (price >= 0),
    stock              integer        not null check (stock >= 0),
    image_key          varchar(300),
    image_content_type varchar(50),
    created_at         timestamptz    not null default now(),
    updated_at         timestamptz    not null default now()
);

create index product_category_idx on product (category, product_id);
