CREATE TABLE "assessments" (
	"project_id" text PRIMARY KEY NOT NULL,
	"feasible" boolean NOT NULL,
	"reason" text NOT NULL,
	"investment" numeric NOT NULL,
	"funding_source" text,
	"completion_date" text NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assessed_by" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "candidate_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"year" integer NOT NULL,
	"seats" integer NOT NULL,
	"project_ids" jsonb NOT NULL,
	"ratio" numeric DEFAULT 1.2 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"meeting" text,
	"approved_at" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_counters" (
	"session_id" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"session_id" text NOT NULL,
	"ballot_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_checks" (
	"project_id" text PRIMARY KEY NOT NULL,
	"exclusions" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "candidate_lists_body_idx" ON "candidate_lists" USING btree ("body_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_ballot_key" ON "notices" USING btree ("ballot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_session_number_key" ON "notices" USING btree ("session_id","number");--> statement-breakpoint
CREATE INDEX "notices_body_idx" ON "notices" USING btree ("body_id","published_at");