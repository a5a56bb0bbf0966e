import { trpcClient } from '../../app/trpc.ts';

/** Asks the server for the weekly pack and saves it as a file. */
export async function downloadPack(week: string, format: 'pdf' | 'xlsx', townshipCode?: string): Promise<void> {
  const pack = await trpcClient.review.pack.mutate({ week, format, ...(townshipCode ? { townshipCode } : {}) });
  const bytes = Uint8Array.from(atob(pack.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: pack.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = pack.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
