CREATE TABLE "atrium"."notification_recipient" (
	"notification_id" bigint NOT NULL,
	"address" text NOT NULL,
	"person_id" bigint,
	CONSTRAINT "notification_recipient_notification_id_address_pk" PRIMARY KEY("notification_id","address")
);
--> statement-breakpoint
CREATE TABLE "atrium"."routing_cursor" (
	"rule" text PRIMARY KEY NOT NULL,
	"last_person_id" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."routing_decision" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"rule" text,
	"strategy" text,
	"target" jsonb,
	"group_id" bigint,
	"person_id" bigint,
	"candidates" jsonb NOT NULL,
	"reason" text NOT NULL,
	"fell_back" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atrium"."notification" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "atrium"."notification_recipient" ADD CONSTRAINT "notification_recipient_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "atrium"."notification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_person_idx" ON "atrium"."notification_recipient" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_decision_once_idx" ON "atrium"."routing_decision" USING btree ("record_type","record_id","version");--> statement-breakpoint
CREATE INDEX "routing_decision_record_idx" ON "atrium"."routing_decision" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_instance_event_action_idx" ON "atrium"."sla_instance_event" USING btree ("instance_id","threshold",("detail"->>'action')) WHERE "atrium"."sla_instance_event"."kind" = 'action';--> statement-breakpoint
CREATE INDEX "notification_due_idx" ON "atrium"."notification" USING btree ("due_at");