-- Trigram matching for "contains" searches on names and e-mails (trusted extension since PG 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
