-- Record events reach listeners (subscriptions, other server processes) through NOTIFY,
-- which PostgreSQL delivers only when the writing transaction commits.
CREATE FUNCTION "atrium"."notify_record_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atrium_record_event', NEW.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "record_event_notify" AFTER INSERT ON "atrium"."record_event"
  FOR EACH ROW EXECUTE FUNCTION "atrium"."notify_record_event"();
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "records";
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "records_seq";
