import { saveBase64File } from '../../app/download.ts';
import { trpcClient } from '../../app/trpc.ts';

/** Asks the server for the weekly pack and saves it as a file. */
export async function downloadPack(week: string, format: 'pdf' | 'xlsx', townshipCode?: string): Promise<void> {
  saveBase64File(await trpcClient.review.pack.mutate({ week, format, ...(townshipCode ? { townshipCode } : {}) }));
}

/** Asks the server for a township's 一页纸 (one A4 page, PDF) and saves it as a file. */
export async function downloadOnePager(week: string, code: string): Promise<void> {
  saveBase64File(await trpcClient.review.townshipReport.mutate({ week, code }));
}
