-- the inbox's retention (MessageRetention) finds old entries by this index
create index processed_event_processed_at_idx on processed_event (processed_at);
