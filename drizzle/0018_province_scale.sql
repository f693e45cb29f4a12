CREATE TABLE "suggestion_counts" (
	"body_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"station_id" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "suggestion_counts_body_id_year_status_category_channel_station_id_pk" PRIMARY KEY("body_id","year","status","category","channel","station_id")
);
--> statement-breakpoint
-- The inbox's counts are kept by the database on every insert, update and delete of a suggestion, in the
-- same transaction (a rollback takes its counts back with it), whoever writes: the server, the seeds, psql.
CREATE FUNCTION suggestion_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE suggestion_counts SET n = n - 1
      WHERE body_id = OLD.body_id AND year = OLD.year AND status = OLD.status AND category = OLD.category
        AND channel = OLD.channel AND station_id = coalesce(OLD.station_id, '');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO suggestion_counts (body_id, year, status, category, channel, station_id, n)
      VALUES (NEW.body_id, NEW.year, NEW.status, NEW.category, NEW.channel, coalesce(NEW.station_id, ''), 1)
      ON CONFLICT (body_id, year, status, category, channel, station_id) DO UPDATE SET n = suggestion_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER suggestion_counts_insert_delete AFTER INSERT OR DELETE ON suggestions
  FOR EACH ROW EXECUTE FUNCTION suggestion_counts_move();
--> statement-breakpoint
-- Only when a counted column changes (a new supporter or a note does not touch the counts).
CREATE TRIGGER suggestion_counts_update AFTER UPDATE OF body_id, year, status, category, channel, station_id ON suggestions
  FOR EACH ROW WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id OR OLD.year IS DISTINCT FROM NEW.year OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.category IS DISTINCT FROM NEW.category OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.station_id IS DISTINCT FROM NEW.station_id)
  EXECUTE FUNCTION suggestion_counts_move();
--> statement-breakpoint
INSERT INTO suggestion_counts (body_id, year, status, category, channel, station_id, n)
  SELECT body_id, year, status, category, channel, coalesce(station_id, ''), count(*)::int FROM suggestions
  GROUP BY body_id, year, status, category, channel, coalesce(station_id, '');
