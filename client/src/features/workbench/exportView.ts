/** Downloads of what is on screen: the table as CSV/XLSX/GeoJSON (built by the server) and the map as PNG. */
import type { SpatialSelection } from '../../../../server/services/workbench/spatialSelection.ts';
import { serialiseSelection } from '../../../../server/services/workbench/spatialSelection.ts';
import { trpcClient } from '../../app/trpc.ts';

export type TableFormat = 'csv' | 'xlsx' | 'geojson';

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadTable(options: { asOf: string; codes: string[]; format: TableFormat; selection: SpatialSelection | null }): Promise<void> {
  const file = await trpcClient.workbench.export.mutate({
    asOf: options.asOf,
    codes: options.codes,
    format: options.format,
    ...(options.selection ? { selection: serialiseSelection(options.selection) } : {}),
  });
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}
