CREATE TYPE "public"."webhook_delivery_state" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."warning_rule" AS ENUM('noMeeting', 'termEnding', 'issueOverdue', 'ratingDrop', 'petitionSurge', 'indicatorUnmet');--> statement-breakpoint
CREATE TYPE "public"."warning_state" AS ENUM('open', 'issued', 'dismissed', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."webhook_kind" AS ENUM('wecom', 'dingtalk');--> statement-breakpoint
CREATE TABLE "supervision_warnings" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule" "warning_rule" NOT NULL,
	"township_code" text NOT NULL,
	"compound_code" text,
	"indicator" "indicator_key",
	"cause_key" text NOT NULL,
	"details" text NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"as_of" date NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" "warning_state" DEFAULT 'open' NOT NULL,
	"item_id" integer,
	"dismissed_reason" text,
	"handled_by_name" text,
	"handled_at" timestamp with time zone,
	"resolved_on" date,
	CONSTRAINT "supervision_warnings_dismissed_has_reason" CHECK ("supervision_warnings"."state" <> 'dismissed' or "supervision_warnings"."dismissed_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" integer NOT NULL,
	"event_key" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"state" "webhook_delivery_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_status" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"kind" "webhook_kind" NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhooks_scope_format" CHECK ("webhooks"."scope" = 'department' or "webhooks"."scope" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
ALTER TABLE "supervision_warnings" ADD CONSTRAINT "supervision_warnings_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_warnings" ADD CONSTRAINT "supervision_warnings_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_warnings_cause_idx" ON "supervision_warnings" USING btree ("cause_key");--> statement-breakpoint
CREATE INDEX "supervision_warnings_township_idx" ON "supervision_warnings" USING btree ("township_code","state");--> statement-breakpoint
CREATE INDEX "supervision_warnings_state_idx" ON "supervision_warnings" USING btree ("state","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("webhook_id","event_key");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhooks_scope_idx" ON "webhooks" USING btree ("scope");
-- hand-written below
--> statement-breakpoint
-- Warnings are data (as the supervision items in 0011): each statement on them bumps data_revision,
-- so the walls' live refresh and the per-revision read memo see new, issued and resolved warnings.
CREATE TRIGGER "supervision_warnings_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "supervision_warnings" FOR EACH STATEMENT EXECUTE FUNCTION onemap_bump_data_revision();
