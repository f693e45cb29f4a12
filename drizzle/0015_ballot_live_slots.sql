-- The votes of an open ballot move out of ballot_roll / ballot_box into per-slot partitions that the close
-- empties with TRUNCATE (a new file: no dead row versions carrying the votes' xmins or their order, so the
-- close no longer needs a VACUUM of the whole secret tables). ballot_roll / ballot_box keep the closed
-- ballots, written once by their close. See server/ballots/live-slots.ts.
-- The primary keys include the partition key (PostgreSQL requires it); one ballot lives in one slot.
CREATE TABLE "ballot_box_live" (
	"slot" integer NOT NULL,
	"ballot_id" text NOT NULL,
	"receipt" text NOT NULL,
	"choices" jsonb NOT NULL,
	CONSTRAINT "ballot_box_live_ballot_id_receipt_slot_pk" PRIMARY KEY("ballot_id","receipt","slot")
) PARTITION BY LIST ("slot");
--> statement-breakpoint
CREATE TABLE "ballot_roll_live" (
	"slot" integer NOT NULL,
	"ballot_id" text NOT NULL,
	"member_id" text NOT NULL,
	"key_hash" text NOT NULL,
	CONSTRAINT "ballot_roll_live_ballot_id_member_id_slot_pk" PRIMARY KEY("ballot_id","member_id","slot")
) PARTITION BY LIST ("slot");
--> statement-breakpoint
ALTER TABLE "ballots" ADD COLUMN "live_slot" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_live_slot_key" ON "ballots" USING btree ("live_slot");
--> statement-breakpoint
-- Makes the partitions of slot n if they are missing. CREATE TABLE ... PARTITION OF would take an ACCESS
-- EXCLUSIVE lock on the parent (every vote of every hall would wait); a plain CREATE TABLE then ATTACH
-- PARTITION takes only SHARE UPDATE EXCLUSIVE on it, which votes (ROW EXCLUSIVE) do not conflict with.
-- The CHECK lets the attach skip its scan. Slots are reused, so this runs only when more ballots than ever
-- before are open at once.
CREATE FUNCTION "ballot_live_slot"(n integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ballot_roll_live', 'ballot_box_live'] LOOP
    IF to_regclass(format('public.%I', t || '_' || n)) IS NULL THEN
      EXECUTE format('CREATE TABLE public.%I (LIKE public.%I INCLUDING DEFAULTS, CONSTRAINT %I CHECK (slot = %s))', t || '_' || n, t, t || '_' || n || '_slot', n);
      EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I FOR VALUES IN (%s)', t, t || '_' || n, n);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Ballots open at the upgrade: their votes move into slots 1, 2, …
DO $$
DECLARE b record; n integer := 0;
BEGIN
  FOR b IN SELECT id FROM ballots WHERE state = 'open' ORDER BY id LOOP
    n := n + 1;
    PERFORM ballot_live_slot(n);
    UPDATE ballots SET live_slot = n WHERE id = b.id;
    EXECUTE format('INSERT INTO public.%I (slot, ballot_id, member_id, key_hash) SELECT %s, ballot_id, member_id, key_hash FROM ballot_roll WHERE ballot_id = $1', 'ballot_roll_live_' || n, n) USING b.id;
    EXECUTE format('INSERT INTO public.%I (slot, ballot_id, receipt, choices) SELECT %s, ballot_id, receipt, choices FROM ballot_box WHERE ballot_id = $1', 'ballot_box_live_' || n, n) USING b.id;
  END LOOP;
END $$;
--> statement-breakpoint
-- ballot_roll / ballot_box are rewritten once, without the open ballots' rows: a DELETE would leave those
-- rows behind as dead versions until some vacuum. Every receipt of every closed ballot is kept, sorted.
CREATE TEMP TABLE "closed_roll" AS SELECT r.* FROM ballot_roll r WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.id = r.ballot_id AND b.live_slot IS NOT NULL);
--> statement-breakpoint
CREATE TEMP TABLE "closed_box" AS SELECT x.* FROM ballot_box x WHERE NOT EXISTS (SELECT 1 FROM ballots b WHERE b.id = x.ballot_id AND b.live_slot IS NOT NULL);
--> statement-breakpoint
TRUNCATE "ballot_roll", "ballot_box";
--> statement-breakpoint
INSERT INTO "ballot_roll" SELECT * FROM closed_roll ORDER BY ballot_id COLLATE "C", member_id COLLATE "C";
--> statement-breakpoint
INSERT INTO "ballot_box" SELECT * FROM closed_box ORDER BY ballot_id COLLATE "C", receipt COLLATE "C";
--> statement-breakpoint
DROP TABLE "closed_roll", "closed_box";
