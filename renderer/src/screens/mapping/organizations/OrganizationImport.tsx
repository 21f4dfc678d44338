import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import type { ImportProblem, OrganizationImportResult } from '../../../../../shared/mapping-contract';
import { plural } from '../../../../../shared/plural';
import { ApiError, api } from '../../../api';
import { AppButton } from '../../../components/AppButton';
import { FileIcon } from '../../../components/Icons';
import { messageOf } from '../../../lib/errors';
import { fileAsBase64 } from '../../../lib/file-bytes';
import { formatCount } from '../mapping-labels';

/** A refused file shows this many of its problems; the rest are counted. */
const LISTED = 50;

type Outcome =
  | { kind: 'imported'; fileName: string; result: OrganizationImportResult }
  | { kind: 'refused'; fileName: string; message: string; problems: ImportProblem[] }
  | null;

function problemsOf(error: unknown): ImportProblem[] {
  return error instanceof ApiError && error.data.code === 'invalid-file' ? error.data.details.problems : [];
}

/**
 * Imports our organizations from a CSV or JSON file chosen with the system file picker. The file is
 * sent whole as bytes (the backend detects UTF-8 or UTF-16 and refuses what it cannot read); the backend refuses a broken file whole, and then every line
 * number and reason is listed so the file can be fixed in one go.
 */
export function OrganizationImport({ onImported }: { onImported(result: OrganizationImportResult): void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function importFile(file: File) {
    setBusy(true);
    setOutcome(null);
    try {
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      const result = await api.organizations.import({ format, contentBase64: await fileAsBase64(file) });
      setOutcome({ kind: 'imported', fileName: file.name, result });
      onImported(result);
    } catch (error) {
      setOutcome({
        kind: 'refused',
        fileName: file.name,
        message: messageOf(error),
        problems: problemsOf(error),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="org-import">
      <FileTrigger
        acceptedFileTypes={['.csv', '.json', '.txt', 'text/csv', 'application/json']}
        onSelect={(files) => {
          const file = files?.[0];
          if (file) void importFile(file);
        }}
      >
        <AppButton variant="secondary" isDisabled={busy}>
          <FileIcon size={15} />
          {busy ? 'Importing…' : 'Import CSV or JSON…'}
        </AppButton>
      </FileTrigger>
      {outcome?.kind === 'imported' ? (
        <p className="banner banner--success" role="status">
          Imported {outcome.fileName}: {formatCount(outcome.result.added)} added,{' '}
          {formatCount(outcome.result.updated)} updated, {formatCount(outcome.result.unchanged)} unchanged
          {outcome.result.headerDetected ? ' (header row detected)' : ''}.
          {outcome.result.notInFile > 0
            ? ` ${plural(outcome.result.notInFile, 'organization not in the file stays', 'organizations not in the file stay')} in the directory.`
            : ''}
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div className="banner banner--error org-import__refused" role="alert">
          <div>
            <strong>{outcome.fileName} was refused; nothing was imported.</strong>
            {outcome.problems.length === 0 ? <p>{outcome.message}</p> : null}
            {outcome.problems.length > 0 ? (
              <ul className="org-import__problems" aria-label="Problems in the file">
                {outcome.problems.slice(0, LISTED).map((problem) => (
                  <li key={`${problem.line}:${problem.reason}`}>
                    <span className="org-import__line">Line {problem.line}</span> {problem.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            {outcome.problems.length > LISTED ? (
              <p>and {plural(outcome.problems.length - LISTED, 'more problem')}</p>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
