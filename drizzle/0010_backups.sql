CREATE TABLE "backups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"file" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"release" text NOT NULL,
	"migration" text NOT NULL,
	"encrypted" boolean NOT NULL
);
