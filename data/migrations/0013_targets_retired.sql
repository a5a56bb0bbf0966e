DROP INDEX "targets_scope_deadline_idx";--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_scope_deadline_idx" ON "targets" USING btree ("indicator",coalesce("township_code", 'city'),"deadline") WHERE "targets"."retired_at" is null;