CREATE TYPE "public"."supervision_source" AS ENUM('review', 'warning', 'manual');--> statement-breakpoint
CREATE TYPE "public"."supervision_state" AS ENUM('pending', 'answered', 'closed', 'returned');--> statement-breakpoint
CREATE TABLE "supervision_item_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"from_state" "supervision_state",
	"to_state" "supervision_state" NOT NULL,
	"text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"township_code" text NOT NULL,
	"compound_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"indicator" "indicator_key",
	"problem" text DEFAULT '' NOT NULL,
	"task" text NOT NULL,
	"deadline" date NOT NULL,
	"issued_by_id" integer,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_week" text,
	"source" "supervision_source" NOT NULL,
	"source_ref" text,
	"state" "supervision_state" DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" integer,
	"answered_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by_id" integer,
	"closed_by_name" text,
	"returned_reason" text,
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_items_week_format" CHECK ("supervision_items"."review_week" is null or "supervision_items"."review_week" ~ '^[0-9]{4}-W[0-9]{2}$'),
	CONSTRAINT "supervision_items_task_length" CHECK (char_length("supervision_items"."task") between 1 and 500),
	CONSTRAINT "supervision_items_closed_has_time" CHECK (("supervision_items"."state" = 'closed') = ("supervision_items"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "supervision_item_events" ADD CONSTRAINT "supervision_item_events_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_item_events_item_idx" ON "supervision_item_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "supervision_items_township_idx" ON "supervision_items" USING btree ("township_code","state");--> statement-breakpoint
CREATE INDEX "supervision_items_deadline_idx" ON "supervision_items" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "supervision_items_week_idx" ON "supervision_items" USING btree ("review_week");
-- hand-written below
--> statement-breakpoint
-- Supervision items are data: each statement on them bumps data_revision (as the records in 0001),
-- so the walls' live refresh and the per-revision read memo see new, answered and closed items.
CREATE TRIGGER "supervision_items_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "supervision_items" FOR EACH STATEMENT EXECUTE FUNCTION onemap_bump_data_revision();
--> statement-breakpoint
CREATE TRIGGER "supervision_item_events_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "supervision_item_events" FOR EACH STATEMENT EXECUTE FUNCTION onemap_bump_data_revision();
