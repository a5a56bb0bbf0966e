/** Downloads of what is on screen: the table as CSV/XLSX/GeoJSON (built by the server) and the map as PNG. */
import type { SpatialSelection } from '../../../../shared/workbench/spatialSelection.ts';
import { serialiseSelection } from '../../../../shared/workbench/spatialSelection.ts';
import { saveBase64File } from '../../app/download.ts';
import { trpcClient } from '../../app/trpc.ts';

export type TableFormat = 'csv' | 'xlsx' | 'geojson';

export async function downloadTable(options: {
  asOf: string;
  codes: string[];
  format: TableFormat;
  selection: SpatialSelection | null;
  /** The filter in words, for the XLSX's 说明 sheet. */
  filter: string;
}): Promise<void> {
  const file = await trpcClient.workbench.export.mutate({
    asOf: options.asOf,
    codes: options.codes,
    format: options.format,
    filter: options.filter,
    ...(options.selection ? { selection: serialiseSelection(options.selection) } : {}),
  });
  saveBase64File(file);
}
