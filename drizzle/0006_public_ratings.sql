CREATE TABLE "public_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"body_id" text NOT NULL,
	"grade" text NOT NULL,
	"comment" text,
	"status" text,
	"key_hash" text NOT NULL,
	"moderated_by" text,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "public_ratings_project_key" ON "public_ratings" USING btree ("project_id","key_hash");--> statement-breakpoint
CREATE INDEX "public_ratings_body_status_idx" ON "public_ratings" USING btree ("body_id","status","created_at");