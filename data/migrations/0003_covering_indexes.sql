DROP INDEX "meetings_held_idx";--> statement-breakpoint
DROP INDEX "petitions_received_idx";--> statement-breakpoint
CREATE INDEX "meetings_held_compound_idx" ON "meetings" USING btree ("held_on","compound_id");--> statement-breakpoint
CREATE INDEX "petitions_received_compound_idx" ON "petitions" USING btree ("received_on","compound_id");--> statement-breakpoint
CREATE INDEX "resident_issues_open_until_idx" ON "resident_issues" USING btree (coalesce("closed_on", '9999-12-31'::date),"opened_on","compound_id","due_on");