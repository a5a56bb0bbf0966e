CREATE TABLE "counts_timeline_dirty" (
	"township_code" text PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counts_timeline_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint,
	CONSTRAINT "counts_timeline_state_single_row" CHECK ("counts_timeline_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "township_counts_timeline" (
	"township_code" text NOT NULL,
	"from_day" date NOT NULL,
	"compounds" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"with_party_org" integer DEFAULT 0 NOT NULL,
	"with_committee" integer DEFAULT 0 NOT NULL,
	"with_recent_meeting" integer DEFAULT 0 NOT NULL,
	"managed_evaluated" integer DEFAULT 0 NOT NULL,
	"managed_four_star_plus" integer DEFAULT 0 NOT NULL,
	"petitions" integer DEFAULT 0 NOT NULL,
	"managed" integer DEFAULT 0 NOT NULL,
	"party_majority_committees" integer DEFAULT 0 NOT NULL,
	"chair_is_secretary" integer DEFAULT 0 NOT NULL,
	"open_issues" integer DEFAULT 0 NOT NULL,
	"overdue_issues" integer DEFAULT 0 NOT NULL,
	"r5" integer DEFAULT 0 NOT NULL,
	"r4" integer DEFAULT 0 NOT NULL,
	"r3" integer DEFAULT 0 NOT NULL,
	"r2" integer DEFAULT 0 NOT NULL,
	"r1" integer DEFAULT 0 NOT NULL,
	"rfail" integer DEFAULT 0 NOT NULL,
	"model_homes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "township_counts_timeline_day_idx" ON "township_counts_timeline" USING btree ("township_code","from_day");