// The single place where the UI talks to the Tauri backend.
import { invoke as tauriInvoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { ApiError, ApiErrorCode, FieldError } from './types';

const CODES: readonly ApiErrorCode[] = [
  'validation',
  'not_found',
  'not_initialised',
  'too_new',
  'conflict',
  'locked',
  'wrong_passphrase',
  'internal',
];

/** Told when a command answers that Traject is locked (it locked itself meanwhile). */
let lockedListener: (() => void) | null = null;

/** Sets (or with null removes) what happens when a command finds Traject locked. */
export function onLocked(listener: (() => void) | null): void {
  lockedListener = listener;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((f) => ({
    field: String(f.field ?? ''),
    rule: String(f.rule ?? ''),
    message: String(f.message ?? ''),
  }));
}

/** Normalises anything a rejected invoke can produce into a typed ApiError. */
export function toApiError(reason: unknown): ApiError {
  if (isRecord(reason) && typeof reason.code === 'string') {
    const code = (CODES as readonly string[]).includes(reason.code)
      ? (reason.code as ApiErrorCode)
      : 'internal';
    return {
      code,
      message: typeof reason.message === 'string' ? reason.message : 'Onbekende fout',
      fields: toFieldErrors(reason.fields),
    };
  }
  if (typeof reason === 'string') {
    return { code: 'internal', message: reason, fields: [] };
  }
  if (reason instanceof Error) {
    return { code: 'internal', message: reason.message, fields: [] };
  }
  return { code: 'internal', message: 'Onbekende fout', fields: [] };
}

export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    (CODES as readonly string[]).includes(value.code) &&
    typeof value.message === 'string' &&
    Array.isArray(value.fields)
  );
}

/** Calls a Tauri command; rejects with an ApiError only. */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(command, args);
  } catch (reason) {
    const error = toApiError(reason);
    if (error.code === 'locked') lockedListener?.();
    throw error;
  }
}
