ALTER TABLE "audit_log" ADD COLUMN "body_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_kind" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_label" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_kind" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_id" text;--> statement-breakpoint
CREATE INDEX "audit_body_idx" ON "audit_log" USING btree ("body_id","id");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_log" USING btree ("subject");--> statement-breakpoint
-- Rows written before this release: their stage, subject kind, body, label and actor, read off what they kept.
UPDATE "audit_log" SET "stage" = CASE
  WHEN "action" LIKE 'suggestion.%' OR "action" LIKE 'collection.%' THEN 'collection'
  WHEN "action" IN ('project.assessed', 'project.created', 'project.screened', 'project.updated', 'project.withdrawn') OR "action" LIKE 'candidate_list.%' THEN 'screening'
  WHEN "action" IN ('project.planned', 'project.progress', 'project.rectification', 'project.carried_over') THEN 'implementation'
  WHEN "action" IN ('project.inspected', 'project.supervisors') THEN 'supervision'
  WHEN "action" LIKE 'rating.%' THEN 'evaluation'
  WHEN "action" LIKE 'notice.%' THEN 'publication'
  WHEN "action" IN ('body.created', 'user.created', 'members.added', 'member.code_regenerated') THEN 'setup'
  ELSE 'vote' END,
  "subject_kind" = CASE
  WHEN "action" LIKE 'suggestion.%' THEN 'suggestion'
  WHEN "action" = 'collection.station_created' THEN 'station'
  WHEN "action" = 'collection.window_created' THEN 'window'
  WHEN "action" LIKE 'project.%' THEN 'project'
  WHEN "action" LIKE 'candidate_list.%' THEN 'candidate_list'
  WHEN "action" LIKE 'ballot.%' THEN 'ballot'
  WHEN "action" LIKE 'rating.%' THEN 'rating'
  WHEN "action" LIKE 'notice.%' THEN 'notice'
  WHEN "action" IN ('body.created', 'members.added') THEN 'body'
  WHEN "action" = 'user.created' THEN 'user'
  WHEN "action" IN ('member.checked_in', 'member.code_regenerated', 'attendance.set') THEN 'member'
  ELSE 'session' END,
  "actor_kind" = CASE
  WHEN "actor" = 'system' AND "action" = 'suggestion.received' THEN 'public'
  WHEN "actor" = 'system' OR "actor" LIKE 'screen:%' THEN 'system'
  WHEN "actor" LIKE 'member:%' THEN 'member'
  ELSE 'user' END,
  "actor_id" = CASE WHEN "actor" LIKE 'member:%' THEN substr("actor", 8) END;
--> statement-breakpoint
UPDATE "audit_log" a SET "actor_id" = u."id" FROM "users" u WHERE a."actor_kind" = 'user' AND (u."username" = split_part(a."actor", ':', 2) OR u."id" = split_part(a."actor", ':', 2));
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = s."body_id" FROM "sessions" s WHERE a."session_id" = s."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = p."body_id", "subject_label" = p."title" FROM "projects" p WHERE a."subject_kind" = 'project' AND a."subject" = p."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = s."body_id", "subject_label" = s."title" FROM "suggestions" s WHERE a."subject_kind" = 'suggestion' AND a."subject" = s."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = l."body_id", "subject_label" = l."year" || '' FROM "candidate_lists" l WHERE a."subject_kind" = 'candidate_list' AND a."subject" = l."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = s."body_id", "subject_label" = s."name" FROM "stations" s WHERE a."subject_kind" = 'station' AND a."subject" = s."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = w."body_id", "subject_label" = w."year" || '' FROM "collection_windows" w WHERE a."subject_kind" = 'window' AND a."subject" = w."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = b."id", "subject_label" = b."name" FROM "bodies" b WHERE a."subject_kind" = 'body' AND a."subject" = b."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = u."body_id", "subject_label" = u."username" FROM "users" u WHERE a."subject_kind" = 'user' AND a."subject" = u."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = m."body_id", "subject_label" = m."name" FROM "members" m WHERE a."subject_kind" = 'member' AND a."subject" = m."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "subject_label" = b."title" FROM "ballots" b WHERE a."subject_kind" = 'ballot' AND a."subject" = b."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "subject_label" = s."name" FROM "sessions" s WHERE a."subject_kind" = 'session' AND a."subject" = s."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = n."body_id", "subject_label" = n."title" FROM "notices" n WHERE a."subject_kind" = 'notice' AND a."subject" = n."id";
--> statement-breakpoint
UPDATE "audit_log" a SET "body_id" = p."body_id", "subject_label" = p."title" FROM "public_ratings" r JOIN "projects" p ON p."id" = r."project_id" WHERE a."subject_kind" = 'rating' AND a."subject" = r."id";
--> statement-breakpoint
-- The trail is append-only, whoever is connected: every UPDATE, DELETE and TRUNCATE of it is refused.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_change" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
