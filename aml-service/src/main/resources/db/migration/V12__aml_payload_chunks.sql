-- The payload of every screened transaction is kept as received (AML 14.5.1 records; the STR draft describes each
-- operation from it), but one row each made it most of what the busiest table writes: about 860 bytes against 150
-- for the rest of the row, in the heap pages, the WAL and the database cache, where it pushed out the index pages
-- every insert needs. A batch's payloads are now stored together, back to back, in one chunk that PostgreSQL
-- compresses as a whole (about 4x: the same field names and values recur from one transaction to the next, which a
-- payload alone gives no compressor to work with). The row keeps where its payload lies in its chunk.
create sequence aml_payload_chunk_seq;
create table aml_payload_chunk (
    chunk_id bigint primary key,
    payloads bytea  not null
);
-- LZ4 compresses several times faster than the default pglz; a server built without it keeps pglz.
do $$
begin
    alter table aml_payload_chunk alter column payloads set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 is not available: aml_payload_chunk keeps the default compression';
end $$;

-- Rows stored before this keep their payload column; new rows point into a chunk instead.
alter table aml_transaction
    alter column payload drop not null,
    add column payload_chunk  bigint,
    add column payload_from   integer,
    add column payload_length integer,
    add constraint aml_transaction_payload_kept check (payload is not null or payload_chunk is not null) not valid;
