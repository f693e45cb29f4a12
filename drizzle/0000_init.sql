CREATE SEQUENCE "public"."live_version" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "ballot_box" (
	"ballot_id" text NOT NULL,
	"receipt" text NOT NULL,
	"choices" jsonb NOT NULL,
	CONSTRAINT "ballot_box_ballot_id_receipt_pk" PRIMARY KEY("ballot_id","receipt")
);
--> statement-breakpoint
CREATE TABLE "ballot_roll" (
	"ballot_id" text NOT NULL,
	"member_id" text NOT NULL,
	"key_hash" text NOT NULL,
	CONSTRAINT "ballot_roll_ballot_id_member_id_pk" PRIMARY KEY("ballot_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"kind" text NOT NULL,
	"form" text,
	"seats" integer,
	"question" text,
	"title" text NOT NULL,
	"secret" boolean NOT NULL,
	"base_rule" text NOT NULL,
	"runoff_of" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"options" jsonb NOT NULL,
	"eligible" integer,
	"base" integer,
	"cast" integer,
	"result" jsonb,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"name" text NOT NULL,
	"delegation" text,
	"kind" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "named_votes" (
	"ballot_id" text NOT NULL,
	"member_id" text NOT NULL,
	"vote" text NOT NULL,
	CONSTRAINT "named_votes_ballot_id_member_id_pk" PRIMARY KEY("ballot_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"department" text NOT NULL,
	"investment" numeric,
	"status" text DEFAULT 'draft' NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster" (
	"session_id" text NOT NULL,
	"member_id" text NOT NULL,
	"present" boolean DEFAULT false NOT NULL,
	"note" text,
	CONSTRAINT "roster_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"quorum_num" integer NOT NULL,
	"quorum_den" integer NOT NULL,
	"quorum_strict" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"body_id" text,
	"department" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_session_idx" ON "audit_log" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "ballots_session_idx" ON "ballots" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_code_hash_key" ON "members" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "members_body_idx" ON "members" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "projects_body_idx" ON "projects" USING btree ("body_id","year");--> statement-breakpoint
CREATE INDEX "roster_member_idx" ON "roster" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sessions_body_idx" ON "sessions" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");