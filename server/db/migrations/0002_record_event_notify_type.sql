-- The notification names the record type too ("<id>:<type>"), so a process reads an event from the outbox
-- only when something there listens for that type.
CREATE OR REPLACE FUNCTION "atrium"."notify_record_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atrium_record_event', NEW.id::text || ':' || NEW.record_type);
  RETURN NULL;
END;
$$;
