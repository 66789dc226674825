-- 012: what changed, per part of the store, so a cached view is recomputed only when data
-- it reads changed (ui.cache): each scope's row holds the data version at its last change
-- (analytics.store.SCOPES; a write names the scopes it changes, every scope by default).
-- A scope without a row has not changed since this migration: version 0.

create table data_scopes (
    scope   varchar primary key,
    version bigint  not null
);
