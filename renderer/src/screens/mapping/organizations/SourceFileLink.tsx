import type { OrganizationSource } from '../../../../../shared/mapping-contract';
import { api } from '../../../api';
import { AppButton } from '../../../components/AppButton';
import { messageOf } from '../../../lib/errors';
import { formatRelativeTime } from '../../../lib/relative-time';

/**
 * Keeps the directory in step with a file the MSP already maintains: the file is chosen in the app's own
 * open dialog (the page never names a path), read once now, and again by every Refresh Options.
 */
export function SourceFileLink({
  source,
  now,
  onChanged,
  onError,
}: {
  source: OrganizationSource | null;
  now: Date;
  onChanged(): void;
  onError(message: string | null): void;
}) {
  const run = async (work: () => Promise<unknown>) => {
    onError(null);
    try {
      await work();
      onChanged();
    } catch (error) {
      onError(messageOf(error));
    }
  };
  return (
    <div className="card organizations-import">
      <div>
        <h2 className="card__title">Keep in sync with a file</h2>
        <p className="card__subtitle">
          {source
            ? `Linked to ${source.path}${
                source.lastReadAt ? `, read ${formatRelativeTime(source.lastReadAt, now)}` : ''
              }. Refresh Options reads it again.`
            : 'Link a CSV or JSON file you keep up to date elsewhere: Refresh Options reads it again each time.'}
        </p>
      </div>
      <div className="source-link__actions">
        <AppButton
          variant="secondary"
          onPress={() => void run(() => api.organizations.linkSource({ action: 'choose' }))}
        >
          {source ? 'Link another file…' : 'Link a file…'}
        </AppButton>
        {source ? (
          <AppButton
            variant="secondary"
            onPress={() => void run(() => api.organizations.linkSource({ action: 'unlink' }))}
          >
            Unlink
          </AppButton>
        ) : null}
      </div>
    </div>
  );
}
