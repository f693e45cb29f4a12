ALTER TABLE "hearings" ADD COLUMN "kind" text DEFAULT 'special_report' NOT NULL;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "reporter_post" text;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "reporter_member_id" text;--> statement-breakpoint
ALTER TABLE "hearings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;