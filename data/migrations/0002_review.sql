CREATE TABLE "review_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviewed_weeks" (
	"week" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "reviewed_weeks_week_format" CHECK ("reviewed_weeks"."week" ~ '^[0-9]{4}-W[0-9]{2}$')
);
