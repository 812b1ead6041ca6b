CREATE TABLE "atrium"."approval_delegation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"delegate_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."flow_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"node" text,
	"token" integer,
	"actor" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."flow_effect" (
	"key" text PRIMARY KEY NOT NULL,
	"instance_id" bigint NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "atrium"."flow_instance" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"version_id" bigint NOT NULL,
	"record_type" text NOT NULL,
	"record_id" bigint NOT NULL,
	"requester_id" bigint,
	"parent_id" bigint,
	"parent_token" integer,
	"status" text DEFAULT 'running' NOT NULL,
	"state" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."flow_timer" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" bigint NOT NULL,
	"token" integer NOT NULL,
	"node" text NOT NULL,
	"key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atrium"."flow_version" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flow" text NOT NULL,
	"hash" text NOT NULL,
	"metadata_version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "approval_delegation_person_idx" ON "atrium"."approval_delegation" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_audit_seq_idx" ON "atrium"."flow_audit" USING btree ("instance_id","seq");--> statement-breakpoint
CREATE INDEX "flow_instance_record_idx" ON "atrium"."flow_instance" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "flow_instance_parent_idx" ON "atrium"."flow_instance" USING btree ("parent_id") WHERE "atrium"."flow_instance"."parent_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "flow_instance_running_idx" ON "atrium"."flow_instance" USING btree ("flow","version_id") WHERE "atrium"."flow_instance"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "flow_instance_one_running_idx" ON "atrium"."flow_instance" USING btree ("flow","record_type","record_id") WHERE "atrium"."flow_instance"."status" = 'running';--> statement-breakpoint
CREATE INDEX "flow_timer_due_idx" ON "atrium"."flow_timer" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_timer_once_idx" ON "atrium"."flow_timer" USING btree ("instance_id","token","key");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_version_doc_idx" ON "atrium"."flow_version" USING btree ("flow","hash");