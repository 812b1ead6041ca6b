CREATE SCHEMA "atrium";
--> statement-breakpoint
CREATE SEQUENCE "atrium"."record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;--> statement-breakpoint
CREATE TABLE "atrium"."meta_draft" (
	"name" text PRIMARY KEY NOT NULL,
	"document" jsonb,
	"base_version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."meta_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"author" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"rollback_of" integer
);
--> statement-breakpoint
CREATE TABLE "atrium"."record_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"actor" text NOT NULL,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE INDEX "record_event_created_at_idx" ON "atrium"."record_event" USING btree ("created_at");