import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type FileFormat, type ImportProblem, MAX_IMPORT_CHARS } from '../../../shared/mapping-contract';
import { decodeImportBytes, textProblem } from '../../file-formats/file-encoding';
import { AppError } from '../app-error';

/** The same problems the renderer shows, as one error: the file is refused whole. */
export function fileRefused(what: string, problems: readonly ImportProblem[]): AppError {
  const first = problems[0];
  const where = first ? ` Line ${first.line}: ${first.reason}.` : '';
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new AppError('invalid-file', `The ${what} was refused (${count}); nothing was imported.${where}`, {
    problems: [...problems],
  });
}

const tooLarge = (what: string) =>
  fileRefused(what, [{ line: 1, reason: `the file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB` }]);

/** The size and UTF-8 checks every file's bytes pass, uploaded or read from disk. */
function textOfBytes(bytes: Buffer, what: string): string {
  if (bytes.length > MAX_IMPORT_CHARS) throw tooLarge(what);
  const decoded = decodeImportBytes(bytes);
  if (!decoded.ok) throw fileRefused(what, [decoded.problem]);
  return decoded.text;
}

/** Text of an uploaded file: as sent, or decoded from base64 bytes (BOM-aware, strict; see file-encoding.ts). */
export function fileText(
  request: { content?: string | undefined; contentBase64?: string | undefined },
  what: string,
): string {
  if (request.content !== undefined) {
    const problem = textProblem(request.content);
    if (problem !== null) throw fileRefused(what, [problem]);
    return request.content;
  }
  return textOfBytes(Buffer.from(request.contentBase64 ?? '', 'base64'), what);
}

/** Reads the linked source file from disk (bytes, so UTF-8 is checked strictly); the size is checked first. */
export function readSourceFile(filePath: string): string {
  let size: number;
  try {
    size = statSync(filePath).size;
  } catch (error) {
    throw new AppError(
      'not-found',
      `The linked organization file ${filePath} cannot be read: ${(error as Error).message}. Link the file again or unlink it.`,
      { path: filePath },
    );
  }
  // Checked before reading, so a huge file is refused without being read into memory.
  if (size > MAX_IMPORT_CHARS) throw tooLarge('organization file');
  return textOfBytes(readFileSync(filePath), 'organization file');
}

export function formatOfPath(filePath: string): FileFormat {
  return path.extname(filePath).toLowerCase() === '.json' ? 'json' : 'csv';
}
