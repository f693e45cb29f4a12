CREATE TABLE "hearings" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"ballot_id" text,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"reporter" text NOT NULL,
	"file_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_items" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"target" text,
	"percent" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_rules" (
	"body_id" text PRIMARY KEY NOT NULL,
	"members" double precision NOT NULL,
	"public" double precision NOT NULL,
	"survey" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"body_id" text NOT NULL,
	"satisfied" integer NOT NULL,
	"basic" integer NOT NULL,
	"unsatisfied" integer NOT NULL,
	"households" integer NOT NULL,
	"method" text NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD COLUMN "evaluation" jsonb;--> statement-breakpoint
ALTER TABLE "ballots" ADD COLUMN "by_item" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "hearings_session_idx" ON "hearings" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "project_items_project_idx" ON "project_items" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "surveys_project_idx" ON "surveys" USING btree ("project_id","date");