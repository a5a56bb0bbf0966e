ALTER TYPE "public"."user_role" ADD VALUE 'system_admin';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'security_auditor';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'business_admin';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "display_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;