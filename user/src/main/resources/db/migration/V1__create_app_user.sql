-- Accounts. Emails are stored lower-cased, so the unique constraint makes them unique case-insensitively.
create table app_user (
    user_id             uuid         primary key,
    email               varchar(254) not null unique,
    password_hash       varchar(100) not null,
    name                varchar(100) not null,
    role                varchar(20)  not null check (role in ('customer', 'admin')),
    avatar_key          varchar(300),
    avatar_content_type varchar(50),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
