-- Issue 16. Explore's search matches display names as well as handles: a trigram index beside
-- profiles_handle_trgm_idx (migration 004) keeps "owner matches" an index lookup.
CREATE INDEX profiles_display_name_trgm_idx ON profiles USING gin (display_name gin_trgm_ops);
-- Age and gender appear on a public profile only when their owner says so (default: never).
ALTER TABLE profiles ADD COLUMN show_age boolean NOT NULL DEFAULT false;
ALTER TABLE profiles ADD COLUMN show_gender boolean NOT NULL DEFAULT false;
