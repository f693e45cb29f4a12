CREATE TABLE "ballot_rounds" (
	"ballot_id" text PRIMARY KEY NOT NULL,
	"round" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carry_overs" (
	"project_id" text PRIMARY KEY NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"date" text NOT NULL,
	"findings" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"member_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"percent" integer NOT NULL,
	"milestone" text,
	"note" text NOT NULL,
	"date" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_grades" (
	"ballot_id" text NOT NULL,
	"project_id" text NOT NULL,
	"round" text NOT NULL,
	"grade" text NOT NULL,
	"satisfied" integer NOT NULL,
	"basic" integer NOT NULL,
	"unsatisfied" integer NOT NULL,
	"base" integer NOT NULL,
	"rate" double precision NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_grades_ballot_id_project_id_pk" PRIMARY KEY("ballot_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "project_plans" (
	"project_id" text PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"milestones" jsonb NOT NULL,
	"funding" text NOT NULL,
	"completion_date" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"note" text NOT NULL,
	"date" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervisors" (
	"project_id" text NOT NULL,
	"member_id" text NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "supervisors_project_id_member_id_pk" PRIMARY KEY("project_id","member_id")
);
--> statement-breakpoint
CREATE INDEX "carry_overs_to_year_idx" ON "carry_overs" USING btree ("to_year");--> statement-breakpoint
CREATE INDEX "inspections_project_idx" ON "inspections" USING btree ("project_id","date");--> statement-breakpoint
CREATE INDEX "progress_reports_project_idx" ON "progress_reports" USING btree ("project_id","date");--> statement-breakpoint
CREATE INDEX "project_grades_project_idx" ON "project_grades" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "rectifications_project_idx" ON "rectifications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "supervisors_member_idx" ON "supervisors" USING btree ("member_id");