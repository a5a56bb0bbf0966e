import { asc } from 'drizzle-orm';
import { townships } from '../../../data/schema/index.ts';
import { placeInitials } from '../../services/compounds/placeInitials.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

export const geographyRouter = router({
  /** The townships with their boundaries (GeoJSON, WGS84) and whether those are approximate. */
  townships: revisionCachedReadProcedure.query(({ ctx }) =>
    ctx.db
      .select({
        code: townships.code,
        name: townships.name,
        kind: townships.kind,
        seatLon: townships.seatLon,
        seatLat: townships.seatLat,
        boundary: townships.boundary,
        boundarySource: townships.boundarySource,
      })
      .from(townships)
      .orderBy(asc(townships.code)),
  ),
  /** The pinyin initials of every township and compound name, for the map's search box. */
  placeInitials: revisionCachedReadProcedure.query(({ ctx }) => placeInitials(ctx.db)),
});
