import type { ApiRequest, ApiResponse } from './apiTypes';
import { errorBody, SpError, SP_CODES } from './errors';
import { flavourOf } from './odataFormat';

export function json(req: ApiRequest, status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  const flavour = flavourOf(req.headers.accept);
  const type = flavour === 'verbose' ? 'application/json;odata=verbose;charset=utf-8' : flavour === 'none' ? 'application/json;odata=nometadata;charset=utf-8' : 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
  return { status, headers: { 'content-type': type, ...headers }, body: JSON.stringify(body) };
}

export function empty(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers };
}

export function errorResponse(req: ApiRequest, err: unknown): ApiResponse {
  const verbose = flavourOf(req.headers.accept) === 'verbose';
  if (err instanceof SpError) {
    return { status: err.status, headers: { 'content-type': 'application/json;charset=utf-8', ...err.headers }, body: JSON.stringify(errorBody(err.code, err.message, verbose)) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify(errorBody('-1, System.InvalidOperationException', message, verbose)) };
}

export function readJson(req: ApiRequest): Record<string, unknown> {
  if (!req.body.trim()) return {};
  try {
    const v = JSON.parse(req.body) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw new SpError(400, SP_CODES.argument, 'The request body is not valid JSON (an object was expected).');
  }
}

export function notFound(what: string): SpError {
  return new SpError(404, SP_CODES.notFound, what);
}

export function methodNotAllowed(method: string, path: string): SpError {
  return new SpError(405, SP_CODES.argument, `${method} is not supported on ${path} by the local SharePoint emulator.`);
}
