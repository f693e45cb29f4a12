CREATE TABLE "collection_windows" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"year" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"suggestion_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"year" integer NOT NULL,
	"window_id" text NOT NULL,
	"tracking_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"area" text,
	"channel" text NOT NULL,
	"station_id" text,
	"member_id" text,
	"user_id" text,
	"contact" text,
	"status" text DEFAULT 'received' NOT NULL,
	"reason" text,
	"merged_into" text,
	"project_id" text,
	"supporters" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "collection_windows_body_idx" ON "collection_windows" USING btree ("body_id","opens_at");--> statement-breakpoint
CREATE INDEX "stations_body_idx" ON "stations" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "suggestion_events_suggestion_idx" ON "suggestion_events" USING btree ("suggestion_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_tracking_code_key" ON "suggestions" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "suggestions_body_year_idx" ON "suggestions" USING btree ("body_id","year","created_at");--> statement-breakpoint
CREATE INDEX "suggestions_project_idx" ON "suggestions" USING btree ("project_id") WHERE project_id is not null;--> statement-breakpoint
CREATE INDEX "suggestions_merged_into_idx" ON "suggestions" USING btree ("merged_into") WHERE merged_into is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_one_open_per_session" ON "ballots" USING btree ("session_id") WHERE state = 'open';