import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { unsafeCharacterIn, unsafeCharacterReason } from '@app/contracts';
import { AppError, type FieldError } from '@app/errors';

/** No request of ours needs deeper JSON; class-transformer and class-validator recurse. */
export const MAX_JSON_DEPTH = 32;

/** Enough to name the problem; a body full of bad strings need not be listed whole. */
const MAX_FIELDS_LISTED = 20;

export type InputProblem =
  { kind: 'too_deep'; maxDepth: number } | { kind: 'unsafe_text'; fields: FieldError[] };

const pathOf = (parent: string, key: string): string => {
  const printable = unsafeCharacterIn(key) ? JSON.stringify(key) : key;
  return parent ? `${parent}.${printable}` : printable;
};

/**
 * Walks parsed JSON (or a parsed query) once, without recursion, so depth cannot overflow
 * the stack: the first container nested deeper than `maxDepth` ends the walk; otherwise
 * every string and key holding a control or bidi character is listed by its field path
 * (`address.city`, `items.0.name`, as the validation pipe names fields).
 */
export function inspectInput(value: unknown, maxDepth = MAX_JSON_DEPTH): InputProblem | null {
  const fields: FieldError[] = [];
  const flag = (field: string, character: string): void => {
    if (fields.length < MAX_FIELDS_LISTED) {
      fields.push({ field, errors: [`${field || 'body'} ${unsafeCharacterReason(character)}`] });
    }
  };
  const pending: { value: unknown; path: string; depth: number; key: string | null }[] = [
    { value, path: '', depth: 0, key: null },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path, depth, key } = next;
    const unsafeKey = key === null ? null : unsafeCharacterIn(key);
    if (unsafeKey) flag(path, unsafeKey);
    if (typeof current === 'string') {
      const character = unsafeCharacterIn(current);
      if (character) flag(path, character);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return { kind: 'too_deep', maxDepth };
    const entries: [string, unknown][] = Array.isArray(current)
      ? (current as unknown[]).map((item, index): [string, unknown] => [String(index), item])
      : Object.entries(current as Record<string, unknown>);
    // Reversed so that fields are listed in the order they appear.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, item] = entries[i];
      pending.push({
        value: item,
        path: pathOf(path, name),
        depth: depth + 1,
        key: Array.isArray(current) ? null : name,
      });
    }
  }
  return fields.length > 0 ? { kind: 'unsafe_text', fields } : null;
}

const toError = (problem: InputProblem, where: string): AppError =>
  problem.kind === 'too_deep'
    ? new AppError(
        'MALFORMED_REQUEST',
        'invalid',
        `The ${where} is nested deeper than ${problem.maxDepth} levels`,
        { maxDepth: problem.maxDepth },
      )
    : new AppError(
        'VALIDATION_FAILED',
        'invalid',
        `Invalid fields: ${problem.fields.map((f) => f.field).join(', ')}`,
        { fields: problem.fields },
      );

/**
 * Checks every parsed JSON body and every query string before any pipe or handler sees
 * them: too deep → 400 MALFORMED_REQUEST; control or bidi characters → 400
 * VALIDATION_FAILED naming each field, the shape the validation pipe's errors have.
 */
export function inspectRequestInput(maxDepth = MAX_JSON_DEPTH): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    const problem = body === undefined ? null : inspectInput(body, maxDepth);
    if (problem) return next(toError(problem, 'JSON body'));
    const queryProblem = inspectInput(req.query, maxDepth);
    if (queryProblem) return next(toError(queryProblem, 'query'));
    next();
  };
}
