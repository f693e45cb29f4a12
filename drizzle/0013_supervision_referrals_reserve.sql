CREATE TABLE "departments" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"round" integer NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" text
);
--> statement-breakpoint
CREATE TABLE "referral_visits" (
	"id" text PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"round" integer NOT NULL,
	"date" date NOT NULL,
	"satisfied" boolean NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"body_id" text NOT NULL,
	"department" text NOT NULL,
	"due" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"body_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"answer_text" text,
	"answer_date" date,
	"answer_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_at" timestamp with time zone,
	"close_note" text,
	"closed_at" timestamp with time zone,
	"opened_by" text
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "selected_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "reserve" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "reserve_note" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "reserved_from" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "returned_reason" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "reserve" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "reserve_note" text;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_body_name_key" ON "departments" USING btree ("body_id","name");--> statement-breakpoint
CREATE INDEX "referral_answers_referral_idx" ON "referral_answers" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_visits_referral_idx" ON "referral_visits" USING btree ("referral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_suggestion_key" ON "referrals" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "referrals_department_idx" ON "referrals" USING btree ("body_id","department","state");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_one_open_per_project" ON "tasks" USING btree ("project_id") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "tasks_body_idx" ON "tasks" USING btree ("body_id","state","due");--> statement-breakpoint
CREATE INDEX "tasks_project_idx" ON "tasks" USING btree ("project_id","opened_at");--> statement-breakpoint
-- Every department name already in use becomes an entry of its body's list (projects and department users alike).
INSERT INTO "departments" ("id", "body_id", "name")
SELECT substr(md5("body_id" || ':' || "name"), 1, 24), "body_id", "name" FROM (
  SELECT DISTINCT "body_id", "department" AS "name" FROM "projects" WHERE "department" <> ''
  UNION
  SELECT DISTINCT "body_id", "department" FROM "users" WHERE "body_id" IS NOT NULL AND "department" IS NOT NULL AND "department" <> ''
) AS "names"
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- A selected project counts its days without a report from the day the selection that chose it was published.
UPDATE "projects" AS "p" SET "selected_on" = "s"."day" FROM (
  SELECT "o"->>'id' AS "project_id", min(("b"."published_at" AT TIME ZONE 'Asia/Shanghai')::date) AS "day"
  FROM "ballots" AS "b" CROSS JOIN LATERAL jsonb_array_elements("b"."result"->'options') AS "o"
  WHERE "b"."kind" = 'selection' AND "b"."published_at" IS NOT NULL AND "o"->>'status' = 'selected'
  GROUP BY 1
) AS "s" WHERE "s"."project_id" = "p"."id";
--> statement-breakpoint
-- Selected without a published selection of this database (a year brought in from before): counted from the
-- start of its year, as earlier releases counted every project.
UPDATE "projects" SET "selected_on" = make_date("year", 1, 1) WHERE "status" = 'selected' AND "selected_on" IS NULL;
