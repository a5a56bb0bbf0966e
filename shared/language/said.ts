/**
 * A sentence said in both languages: what a refusal tells the person, written once in the
 * domain's word module (authWords.ts, editingWords.ts, …) and shown in the reader's language by
 * whoever answers the request (the tRPC error formatter, a plain HTTP route). Chinese is the
 * error's own message, so logs and the Chinese screens read exactly as before.
 */
import type { Locale } from '../indicators/definition.ts';

export type Said = Readonly<Record<Locale, string>>;

export const said = (zh: string, en: string): Said => ({ 'zh-CN': zh, en });

/** Carries what it says in both languages; `message` is the Chinese. */
export interface SaysBoth {
  readonly said: Said | null;
}

/** An error's message and its two languages, from a plain Chinese string or a Said. */
export function sayingOf(message: string | Said): { message: string; said: Said | null } {
  return typeof message === 'string' ? { message, said: null } : { message: message['zh-CN'], said: message };
}

/** What an error (or the errors it was caused by) says in both languages, if it says it. */
export function saidOf(error: unknown): Said | null {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const found = (e as Partial<SaysBoth>).said;
    if (found) return found;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
