CREATE TYPE "public"."boundary_source" AS ENUM('approximate', 'official');--> statement-breakpoint
CREATE TYPE "public"."community_kind" AS ENUM('community', 'village');--> statement-breakpoint
CREATE TYPE "public"."township_kind" AS ENUM('subdistrict', 'town');--> statement-breakpoint
CREATE TYPE "public"."compound_kind" AS ENUM('commercial', 'resettlement', 'old', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."party_org_type" AS ENUM('standalone', 'combined', 'joint');--> statement-breakpoint
CREATE TYPE "public"."issue_category" AS ENUM('parking', 'ebike_charging', 'fire_safety', 'water_leak', 'high_rise_littering', 'public_space', 'gates_roads', 'drainage', 'video', 'gas', 'lift', 'noise', 'public_revenue', 'illegal_structure', 'other');--> statement-breakpoint
CREATE TYPE "public"."issue_channel" AS ENUM('grid', 'hotline', 'petition', 'reception', 'meeting', 'wish_wall');--> statement-breakpoint
CREATE TYPE "public"."petition_kind" AS ENUM('petition', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."indicator_key" AS ENUM('partyOrgCoverage', 'committeeRate', 'deliberationCoverage', 'serviceQuality', 'petitionRate');--> statement-breakpoint
CREATE TYPE "public"."target_source" AS ENUM('published', 'assumed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('leader', 'analyst', 'township_staff', 'admin');--> statement-breakpoint
CREATE TABLE "cities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"township_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "community_kind" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "communities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "townships" (
	"code" text PRIMARY KEY NOT NULL,
	"city_code" text NOT NULL,
	"name" text NOT NULL,
	"pinyin" text NOT NULL,
	"kind" "township_kind" NOT NULL,
	"seat_lon" double precision NOT NULL,
	"seat_lat" double precision NOT NULL,
	"boundary" jsonb NOT NULL,
	"boundary_source" "boundary_source" DEFAULT 'approximate' NOT NULL,
	CONSTRAINT "townships_code_format" CHECK ("townships"."code" ~ '^[0-9]{9}$'),
	CONSTRAINT "townships_seat_in_region" CHECK ("townships"."seat_lon" between 117 and 120 and "townships"."seat_lat" between 23.5 and 26)
);
--> statement-breakpoint
CREATE TABLE "compounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"township_code" text NOT NULL,
	"community_id" integer,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"footprint" jsonb,
	"households" integer NOT NULL,
	"buildings" integer DEFAULT 1 NOT NULL,
	"year_built" integer,
	"kind" "compound_kind" NOT NULL,
	"listed_on" date NOT NULL,
	"model_home_since" date,
	CONSTRAINT "compounds_code_unique" UNIQUE("code"),
	CONSTRAINT "compounds_households_nonnegative" CHECK ("compounds"."households" >= 0),
	CONSTRAINT "compounds_buildings_nonnegative" CHECK ("compounds"."buildings" >= 0),
	CONSTRAINT "compounds_location_in_jinjiang" CHECK ("compounds"."lon" between 118.38 and 118.74
      and "compounds"."lat" between 24.48 and 24.92),
	CONSTRAINT "compounds_year_built_plausible" CHECK ("compounds"."year_built" is null or "compounds"."year_built" between 1949 and 2100)
);
--> statement-breakpoint
CREATE TABLE "property_companies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	CONSTRAINT "property_companies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "property_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	CONSTRAINT "property_contracts_end_after_start" CHECK ("property_contracts"."end_on" is null or "property_contracts"."end_on" > "property_contracts"."start_on")
);
--> statement-breakpoint
CREATE TABLE "committee_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"formed_on" date NOT NULL,
	"term_end" date NOT NULL,
	"ended_on" date,
	"members" integer NOT NULL,
	"party_members" integer NOT NULL,
	"chair_is_party_secretary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "committee_terms_term_end_after_formed" CHECK ("committee_terms"."term_end" > "committee_terms"."formed_on"),
	CONSTRAINT "committee_terms_ended_after_formed" CHECK ("committee_terms"."ended_on" is null or "committee_terms"."ended_on" > "committee_terms"."formed_on"),
	CONSTRAINT "committee_terms_members_positive" CHECK ("committee_terms"."members" > 0),
	CONSTRAINT "committee_terms_party_members_range" CHECK ("committee_terms"."party_members" >= 0 and "committee_terms"."party_members" <= "committee_terms"."members")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"attendees" integer NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"problems_resolved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meetings_attendees_positive" CHECK ("meetings"."attendees" > 0),
	CONSTRAINT "meetings_problems_nonnegative" CHECK ("meetings"."problems_resolved" >= 0)
);
--> statement-breakpoint
CREATE TABLE "party_organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"type" "party_org_type" NOT NULL,
	"name" text NOT NULL,
	"established_on" date NOT NULL,
	"dissolved_on" date,
	CONSTRAINT "party_organisations_dissolved_after_established" CHECK ("party_organisations"."dissolved_on" is null or "party_organisations"."dissolved_on" > "party_organisations"."established_on")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"company_id" integer,
	"evaluated_on" date NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"safety_score" numeric(5, 1) NOT NULL,
	"rating" text NOT NULL,
	CONSTRAINT "evaluations_rating_valid" CHECK ("evaluations"."rating" in ('5','4','3','2','1','fail')),
	CONSTRAINT "evaluations_score_range" CHECK ("evaluations"."score" between 0 and 100 and "evaluations"."safety_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"kind" "petition_kind" NOT NULL,
	"category" "issue_category" NOT NULL,
	"received_on" date NOT NULL,
	"resolved_on" date,
	CONSTRAINT "petitions_resolved_after_received" CHECK ("petitions"."resolved_on" is null or "petitions"."resolved_on" >= "petitions"."received_on")
);
--> statement-breakpoint
CREATE TABLE "resident_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"compound_id" integer NOT NULL,
	"channel" "issue_channel" NOT NULL,
	"category" "issue_category" NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"opened_on" date NOT NULL,
	"dispatched_on" date,
	"in_progress_on" date,
	"closed_on" date,
	"revisited_on" date,
	"due_on" date NOT NULL,
	"status" text GENERATED ALWAYS AS (case when revisited_on is not null then 'revisited'
          when closed_on is not null then 'closed'
          when in_progress_on is not null then 'in_progress'
          when dispatched_on is not null then 'dispatched'
          else 'accepted' end) STORED NOT NULL,
	CONSTRAINT "resident_issues_due_after_opened" CHECK ("resident_issues"."due_on" >= "resident_issues"."opened_on"),
	CONSTRAINT "resident_issues_dispatched_after_opened" CHECK ("resident_issues"."dispatched_on" is null or "resident_issues"."dispatched_on" >= "resident_issues"."opened_on"),
	CONSTRAINT "resident_issues_in_progress_after_dispatched" CHECK ("resident_issues"."in_progress_on" is null or ("resident_issues"."dispatched_on" is not null and "resident_issues"."in_progress_on" >= "resident_issues"."dispatched_on")),
	CONSTRAINT "resident_issues_closed_after_opened" CHECK ("resident_issues"."closed_on" is null or "resident_issues"."closed_on" >= "resident_issues"."opened_on"),
	CONSTRAINT "resident_issues_closed_after_stages" CHECK ("resident_issues"."closed_on" is null or "resident_issues"."closed_on" >= coalesce("resident_issues"."in_progress_on", "resident_issues"."dispatched_on", "resident_issues"."opened_on")),
	CONSTRAINT "resident_issues_revisited_after_closed" CHECK ("resident_issues"."revisited_on" is null or ("resident_issues"."closed_on" is not null and "resident_issues"."revisited_on" >= "resident_issues"."closed_on"))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"table_name" text NOT NULL,
	"record_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "data_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_revision_single_row" CHECK ("data_revision"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "dataset_info" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" "indicator_key" NOT NULL,
	"township_code" text,
	"value" double precision NOT NULL,
	"deadline" date NOT NULL,
	"source" "target_source" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "targets_value_nonnegative" CHECK ("targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"township_code" text,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_staff_have_township" CHECK ("users"."role" <> 'township_staff' or "users"."township_code" is not null)
);
--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "townships" ADD CONSTRAINT "townships_city_code_cities_code_fk" FOREIGN KEY ("city_code") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compounds" ADD CONSTRAINT "compounds_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compounds" ADD CONSTRAINT "compounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_company_id_property_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."property_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_organisations" ADD CONSTRAINT "party_organisations_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_company_id_property_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."property_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_issues" ADD CONSTRAINT "resident_issues_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_township_code_townships_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."townships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communities_township_idx" ON "communities" USING btree ("township_code");--> statement-breakpoint
CREATE INDEX "townships_city_idx" ON "townships" USING btree ("city_code");--> statement-breakpoint
CREATE INDEX "compounds_township_idx" ON "compounds" USING btree ("township_code");--> statement-breakpoint
CREATE INDEX "property_contracts_compound_idx" ON "property_contracts" USING btree ("compound_id","start_on");--> statement-breakpoint
CREATE INDEX "committee_terms_compound_idx" ON "committee_terms" USING btree ("compound_id","formed_on");--> statement-breakpoint
CREATE INDEX "meetings_compound_held_idx" ON "meetings" USING btree ("compound_id","held_on");--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "party_organisations_compound_idx" ON "party_organisations" USING btree ("compound_id","established_on");--> statement-breakpoint
CREATE INDEX "evaluations_compound_date_idx" ON "evaluations" USING btree ("compound_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "petitions_compound_idx" ON "petitions" USING btree ("compound_id","received_on");--> statement-breakpoint
CREATE INDEX "resident_issues_compound_idx" ON "resident_issues" USING btree ("compound_id","opened_on");--> statement-breakpoint
CREATE INDEX "resident_issues_opened_idx" ON "resident_issues" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_scope_deadline_idx" ON "targets" USING btree ("indicator",coalesce("township_code", 'city'),"deadline");