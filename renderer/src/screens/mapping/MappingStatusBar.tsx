import type { ReactNode } from 'react';
import { ProgressBar } from 'react-aria-components';
import type { MappingSummary, OptionsProgressEvent } from '../../../../shared/mapping-contract';
import { plural } from '../../../../shared/plural';
import { AppButton } from '../../components/AppButton';
import { CheckCircleIcon, ErrorCircleIcon, InfoIcon, SpinnerIcon, WarningIcon } from '../../components/Icons';
import { formatRelativeTime } from '../../lib/relative-time';
import { formatCount } from './mapping-labels';
import { refreshFailureHeadline } from './refresh-failure';
import type { Notice, RefreshState } from './use-mapping';
import './MappingStatusBar.css';

/**
 * "Reading Halo clients: page 3 of 20 (1,500 so far)", "Waiting for Halo's rate limit: 42 s", or, when
 * Halo's Retry-After was longer than the cap, "Halo asked to wait 300 s; waiting 120 s at most, …".
 */
export function progressText(progress: OptionsProgressEvent | null): string {
  if (!progress) return 'Starting Refresh Options…';
  if (progress.waitingSeconds !== null) {
    // `page` counts the pages read: before the first one there is no page to name.
    const where =
      progress.page === 0
        ? 'no clients read yet'
        : `page ${progress.page}${progress.pagesEstimated ? ` of ${progress.pagesEstimated}` : ''}, ${formatCount(progress.rowsSoFar)} clients so far`;
    if (progress.cappedWait) {
      // Halo asked for longer than Halo Setup waits: say so, so a technician knows why it retries early.
      const { requestedSeconds, waitSeconds } = progress.cappedWait;
      return `Halo asked to wait ${requestedSeconds} s; waiting ${waitSeconds} s at most, then trying again (${progress.waitingSeconds} s left; ${where})`;
    }
    return `Waiting for Halo’s rate limit: ${progress.waitingSeconds} s (${where})`;
  }
  switch (progress.phase) {
    case 'organizations':
      return 'Reading the linked organization file…';
    case 'clients':
      return `Reading Halo clients: page ${progress.page}${progress.pagesEstimated ? ` of ${progress.pagesEstimated}` : ''} (${formatCount(progress.rowsSoFar)} so far)`;
    case 'top-levels':
      return `Reading top levels (${formatCount(progress.rowsSoFar)} clients read)…`;
    case 'saving':
      return 'Saving the Halo clients…';
    default:
      return 'Finishing…';
  }
}

/**
 * Under the toolbar: how fresh the cached Halo clients are, whether there are unsaved changes, and
 * what is happening now (a refresh with its progress and Cancel, a Suggest run, the last result, or
 * the offline banner after a failed refresh, which says the cache is still in use).
 */
export function MappingStatusBar({
  summary,
  refresh,
  suggesting,
  notice,
  now,
  onCancelRefresh,
  onCancelSuggest,
  onDismissNotice,
  children,
}: {
  summary: MappingSummary;
  refresh: RefreshState;
  suggesting: boolean;
  notice: Notice;
  now: Date;
  onCancelRefresh(): void;
  onCancelSuggest(): void;
  onDismissNotice(): void;
  /** At the end of the status line: the statuses legend and the header's collapse switch. */
  children?: ReactNode;
}) {
  const cache = summary.options;
  const age = cache ? formatRelativeTime(cache.fetchedAt, now) : null;
  const progress = refresh.progress;
  const fraction =
    progress?.phase === 'clients' && progress.pagesEstimated
      ? Math.min(1, progress.page / progress.pagesEstimated)
      : null;
  return (
    <div className="mapping-status">
      <div className="mapping-status__line">
        <span className={cache ? 'cache-age' : 'cache-age cache-age--none'} data-testid="cache-age">
          {cache
            ? `Halo clients as of ${age} · ${plural(cache.clientCount, 'client')}`
            : 'No Halo clients yet: Refresh Options reads them from Halo.'}
        </span>
        {summary.unsavedChanges ? (
          <span className="save-status save-status--dirty" data-testid="unsaved">
            <span className="save-status__dot" aria-hidden="true" />
            {plural(summary.changeCount, 'unsaved change')}
          </span>
        ) : summary.saved.savedAt ? (
          <span className="save-status">
            All changes saved {formatRelativeTime(summary.saved.savedAt, now)}
          </span>
        ) : null}
        {children ? <span className="mapping-status__end">{children}</span> : null}
      </div>
      {refresh.running ? (
        <div className="mapping-progress" role="status">
          <ProgressBar
            className="mapping-progress__bar"
            aria-label="Refresh Options progress"
            {...(fraction === null ? { isIndeterminate: true } : { value: fraction * 100 })}
          >
            <div className="mapping-progress__track">
              <div
                className={
                  fraction === null
                    ? 'mapping-progress__fill mapping-progress__fill--busy'
                    : 'mapping-progress__fill'
                }
                style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
              />
            </div>
          </ProgressBar>
          <span className="mapping-progress__text">
            <SpinnerIcon size={14} className="spin" />
            {progressText(progress)}
          </span>
          <AppButton size="small" variant="secondary" onPress={onCancelRefresh}>
            Cancel
          </AppButton>
        </div>
      ) : null}
      {suggesting ? (
        <div className="mapping-progress" role="status">
          <span className="mapping-progress__text">
            <SpinnerIcon size={14} className="spin" />
            Suggesting values for the empty rows…
          </span>
          <AppButton size="small" variant="secondary" onPress={onCancelSuggest}>
            Cancel
          </AppButton>
        </div>
      ) : null}
      {refresh.failure && !refresh.running ? (
        <div className="banner banner--warning mapping-offline" role="alert">
          <WarningIcon size={16} />
          <div>
            <strong>{refreshFailureHeadline(refresh.failure.haloCode)}</strong> {refresh.failure.text}{' '}
            {cache
              ? `The Halo clients cached ${age} are still used; editing and saving work as before.`
              : 'There are no cached Halo clients yet, so suggestions and the picker are empty.'}
          </div>
        </div>
      ) : null}
      {notice ? (
        <div
          className={`banner banner--${notice.kind} mapping-notice`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.kind === 'error' ? (
            <ErrorCircleIcon size={16} />
          ) : notice.kind === 'success' ? (
            <CheckCircleIcon size={16} />
          ) : (
            <InfoIcon size={16} />
          )}
          <span className="mapping-notice__text">{notice.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismissNotice}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
