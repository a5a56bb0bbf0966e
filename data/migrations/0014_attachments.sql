CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" integer NOT NULL,
	"stage" text,
	"compound_id" integer,
	"township_code" text NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"taken_at" timestamp with time zone,
	"taken_lon" double precision,
	"taken_lat" double precision,
	"exif_source" text,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_owner_kind_known" CHECK ("attachments"."owner_kind" in ('meeting', 'committee_term', 'issue_stage', 'supervision_answer')),
	CONSTRAINT "attachments_media_type_allowed" CHECK ("attachments"."media_type" in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
	CONSTRAINT "attachments_size_limit" CHECK ("attachments"."byte_size" > 0 and "attachments"."byte_size" <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_compound_id_compounds_id_fk" FOREIGN KEY ("compound_id") REFERENCES "public"."compounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "attachments_compound_idx" ON "attachments" USING btree ("compound_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "attachments_township_idx" ON "attachments" USING btree ("township_code","uploaded_at");