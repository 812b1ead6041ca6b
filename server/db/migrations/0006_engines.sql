CREATE TABLE "atrium"."event_consumer" (
	"name" text PRIMARY KEY NOT NULL,
	"tx" "xid8" NOT NULL,
	"event_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."event_consumer_failure" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"event_id" bigint NOT NULL,
	"error" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."sla_instance" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"definition" text NOT NULL,
	"definition_version" integer NOT NULL,
	"stage" text NOT NULL,
	"has_breached" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"target_ms" bigint NOT NULL,
	"elapsed_ms" bigint DEFAULT 0 NOT NULL,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"breach_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"next_due_at" timestamp with time zone,
	"warnings_fired" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."sla_instance_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "atrium"."notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text NOT NULL,
	"record_type" text,
	"record_id" bigint,
	"recipients" jsonb NOT NULL,
	"template" text,
	"subject" text,
	"body" text,
	"payload" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "atrium"."record_event" ADD COLUMN "tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "sla_instance_record_idx" ON "atrium"."sla_instance" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "sla_instance_due_idx" ON "atrium"."sla_instance" USING btree ("next_due_at") WHERE "atrium"."sla_instance"."next_due_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_instance_open_idx" ON "atrium"."sla_instance" USING btree ("definition","record_id") WHERE "atrium"."sla_instance"."stage" IN ('in_progress', 'paused');--> statement-breakpoint
CREATE INDEX "sla_instance_event_instance_idx" ON "atrium"."sla_instance_event" USING btree ("instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_instance_event_once_idx" ON "atrium"."sla_instance_event" USING btree ("instance_id","kind","threshold") WHERE "atrium"."sla_instance_event"."kind" IN ('warning', 'breached');--> statement-breakpoint
CREATE UNIQUE INDEX "notification_key_idx" ON "atrium"."notification" USING btree ("key");--> statement-breakpoint
CREATE INDEX "notification_record_idx" ON "atrium"."notification" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "notification_status_idx" ON "atrium"."notification" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "record_event_tx_idx" ON "atrium"."record_event" USING btree ("tx","id");