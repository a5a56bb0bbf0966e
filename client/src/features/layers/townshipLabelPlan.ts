/**
 * Township names on the analyst maps (dashboard, workbench) at the zoom the map is at: the wall's
 * label plan (wallLabels.ts) with the camera the user moves. Names that would touch are moved a
 * line up or down; a name with no clear place is left off until the map is zoomed in, so two names
 * never run together ("西园街道梅岭街道") on a laptop's small map.
 */
import { planLabels, zoomProjection, type LabelPlan } from '../wall/wallLabels.ts';
import { TOWNSHIP_LABEL_SIZE, type TownshipFeature } from './mapMetrics.ts';

/** Hand `moved` and `dropped` to mapLayers as `townshipLabelOffsets` and `hiddenTownshipLabels`. */
export function townshipLabelPlan(
  townships: readonly TownshipFeature[],
  zoom: number,
  fontSize = TOWNSHIP_LABEL_SIZE,
): LabelPlan {
  return planLabels(
    townships.map((f) => ({
      key: f.properties.code,
      name: f.properties.name,
      lon: f.properties.labelAt[0],
      lat: f.properties.labelAt[1],
    })),
    { project: zoomProjection(zoom), map: { width: Infinity, height: Infinity }, fontSize },
    { drop: true },
  );
}
