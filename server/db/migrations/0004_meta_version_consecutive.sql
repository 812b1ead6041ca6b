ALTER TABLE "atrium"."meta_version" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "atrium"."meta_version_id_seq";
