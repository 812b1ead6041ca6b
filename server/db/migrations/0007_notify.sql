CREATE TABLE "atrium"."notification_recipient" (
	"notification_id" bigint NOT NULL,
	"address" text NOT NULL,
	"person_id" bigint,
	CONSTRAINT "notification_recipient_notification_id_address_pk" PRIMARY KEY("notification_id","address")
);
--> statement-breakpoint
ALTER TABLE "atrium"."notification" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "atrium"."notification_recipient" ADD CONSTRAINT "notification_recipient_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "atrium"."notification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_person_idx" ON "atrium"."notification_recipient" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "notification_due_idx" ON "atrium"."notification" USING btree ("due_at");