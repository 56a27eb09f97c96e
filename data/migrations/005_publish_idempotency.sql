-- A double-submitted publish form must create one artifact. The form carries a uuid made when it
-- rendered; createArtifact stores it in source_session->>'idempotency_key' and this index makes a
-- replay collide (23505), after which the first artifact is returned instead.
CREATE UNIQUE INDEX artifacts_owner_idempotency_idx
  ON artifacts (owner_user_id, (source_session ->> 'idempotency_key'))
  WHERE source_session ? 'idempotency_key';
