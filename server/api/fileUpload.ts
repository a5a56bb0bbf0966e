/**
 * The input of an upload procedure: a FormData (multipart/form-data) with the file under `file`
 * and text fields beside it, checked by a zod schema. The file arrives as bytes, not as base64
 * inside JSON (a third larger, and parsed as one string). Refusals are one line in both languages
 * (BadInputError → BAD_REQUEST). The HTTP body limit for these procedures lives in
 * server/http/limits.ts; this checks the file itself.
 */
import type { z } from 'zod';
import { BadInputError, describeIssues, INVALID_REQUEST } from '../services/errors.ts';
import { said } from '../../shared/language/said.ts';

/** The largest file an administrator may upload: 30 MB (a ledger of ~100,000 compounds, a city's boundaries). */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
const MAX_FILE_NAME = 200;

export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const UPLOAD_WORDS = {
  notMultipart: said(
    '请以文件上传方式提交（multipart/form-data，文件放在 file 字段）',
    'Send a file upload (multipart/form-data, the file in the field file)',
  ),
  noFile: said('缺少文件（file 字段）', 'The file is missing (field file)'),
  badName: said('文件名过长或含有不允许的字符', 'The file name is too long or holds characters that are not allowed'),
  empty: (name: string) => said(`文件 ${name} 为空`, `The file ${name} is empty`),
  tooLarge: (size: number) =>
    said(
      `文件过大（${megabytes(size)} MB）：最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
      `The file is too large (${megabytes(size)} MB): at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
    ),
  shortText: (key: string) => said(`字段 ${key} 应为简短文本`, `The field ${key} must be a short text`),
};

/** A tRPC input parser (Standard Schema): FormData in, `{ file, ...fields }` out. */
export function fileUpload<S extends z.ZodType<Record<string, unknown>>>(fields: S) {
  type Output = { file: UploadedFile } & z.output<S>;
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'onemap',
      async validate(raw: unknown): Promise<{ value: Output }> {
        if (!(raw instanceof FormData)) throw new BadInputError(UPLOAD_WORDS.notMultipart);
        const file = raw.get('file');
        if (!(file instanceof Blob)) throw new BadInputError(UPLOAD_WORDS.noFile);
        const name = file instanceof File && file.name ? file.name : 'upload';
        if (name.length > MAX_FILE_NAME || name.includes('\u0000')) throw new BadInputError(UPLOAD_WORDS.badName);
        if (file.size === 0) throw new BadInputError(UPLOAD_WORDS.empty(name));
        if (file.size > MAX_UPLOAD_BYTES) throw new BadInputError(UPLOAD_WORDS.tooLarge(file.size));
        const text: Record<string, string> = {};
        for (const [key, value] of raw.entries()) {
          if (key === 'file') continue;
          if (typeof value !== 'string' || value.length > 100)
            throw new BadInputError(UPLOAD_WORDS.shortText(key.slice(0, 40)));
          text[key] = value;
        }
        const parsed = fields.safeParse(text);
        if (!parsed.success) throw new BadInputError(describeIssues(parsed.error, INVALID_REQUEST));
        return {
          value: { ...(parsed.data as z.output<S>), file: { name, data: new Uint8Array(await file.arrayBuffer()) } },
        };
      },
      types: undefined as unknown as { input: FormData; output: Output },
    },
  };
}
