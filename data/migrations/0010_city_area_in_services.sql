ALTER TABLE "townships" DROP CONSTRAINT "townships_seat_in_region";--> statement-breakpoint
ALTER TABLE "compounds" DROP CONSTRAINT "compounds_location_in_jinjiang";--> statement-breakpoint
ALTER TABLE "townships" ADD CONSTRAINT "townships_seat_is_lon_lat" CHECK ("townships"."seat_lon" between -180 and 180 and "townships"."seat_lat" between -90 and 90);--> statement-breakpoint
ALTER TABLE "compounds" ADD CONSTRAINT "compounds_location_is_lon_lat" CHECK ("compounds"."lon" between -180 and 180 and "compounds"."lat" between -90 and 90);