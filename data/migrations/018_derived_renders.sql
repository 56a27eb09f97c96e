-- What the artifact page derives from one version's code — its highlighted HTML, its preview
-- payload — computed once and shared by every web process. Keyed by content, never by version id:
-- `blob_ref` is the version's code_blob_ref (sha256 of the code), `kind` names the derivation and
-- `variant` everything else its output depends on (language, generator version, runtime manifest).
-- Rows never change (same key, same output); nothing references them, so a row may be deleted at
-- any time and is recomputed on its next read. No artifact data beyond what the code itself says:
-- readers reach a row only after the page authorised the version that names the blob.
CREATE TABLE derived_renders (
  blob_ref text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('highlight', 'preview')),
  variant text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blob_ref, kind, variant)
);
