ALTER TABLE "ballots" ADD COLUMN "from_list" text;--> statement-breakpoint
-- A selection ballot a release before this one made from an approved list (the list's exact projects, in a
-- session of the list's body, not a runoff) is that list's ballot.
UPDATE "ballots" b SET "from_list" = l."id"
FROM "candidate_lists" l, "sessions" s
WHERE s."id" = b."session_id" AND s."body_id" = l."body_id" AND b."kind" = 'selection' AND b."runoff_of" IS NULL AND l."state" = 'approved'
  AND (SELECT array_agg(o ->> 'id' ORDER BY o ->> 'id') FROM jsonb_array_elements(b."options") o)
    = (SELECT array_agg(x ORDER BY x) FROM jsonb_array_elements_text(l."project_ids") x);
