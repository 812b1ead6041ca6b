CREATE TABLE "atrium"."record_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"field_id" text NOT NULL,
	"field_name" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"actor" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "record_history_record_idx" ON "atrium"."record_history" USING btree ("record_id","id");