CREATE TABLE "dossiers" (
	"session_id" text PRIMARY KEY NOT NULL,
	"project_ids" text[] NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "station_duty" (
	"station_id" text NOT NULL,
	"date" date NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "station_duty_station_id_date_member_id_pk" PRIMARY KEY("station_id","date","member_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"member_id" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text,
	"kind" text NOT NULL,
	"to" text NOT NULL,
	"text" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "rep_id" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "notify" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "station_duty_member_idx" ON "station_duty" USING btree ("member_id","date");--> statement-breakpoint
CREATE INDEX "suggestion_replies_suggestion_idx" ON "suggestion_replies" USING btree ("suggestion_id","at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_at");--> statement-breakpoint
CREATE INDEX "outbox_body_idx" ON "outbox" USING btree ("body_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestions_rep_idx" ON "suggestions" USING btree ("rep_id","created_at") WHERE rep_id is not null;