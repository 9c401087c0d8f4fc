-- In-app notifications, fed by order and inventory events; processed_event makes each event count once.
create table notification (
    notification_id uuid         primary key,
    user_id         uuid         not null,
    kind            varchar(30)  not null,
    order_id        uuid,
    message         varchar(600) not null,
    created_at      timestamptz  not null
);
create index notification_user_idx on notification (user_id, created_at desc);

create table processed_event (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
