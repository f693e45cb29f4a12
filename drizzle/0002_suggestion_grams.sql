ALTER TABLE "suggestions" ADD COLUMN "grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "suggestions_grams_idx" ON "suggestions" USING gin ("grams");