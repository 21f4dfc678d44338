import type { InstanceSummary } from '../../../shared/domain';
import { formatRelativeTime } from '../lib/relative-time';
import { CheckCircleIcon, DashCircleIcon, ErrorCircleIcon, WarningIcon } from './Icons';

type LastValidation = InstanceSummary['lastValidation'];

/** The last validation of an instance in a few words, e.g. "Validated 5 min ago". */
export function validationStatusText(last: LastValidation, now: Date): string {
  if (!last || last.status === 'never') return 'Not validated';
  const when = formatRelativeTime(last.at, now);
  if (last.status === 'ok') return `Validated ${when}`;
  if (last.status === 'warning') return `Validated with warnings ${when}`;
  return `Validation failed: ${last.summary}`;
}

export function StatusBadge({ last, now }: { last: LastValidation; now: Date }) {
  const status = last?.status ?? 'never';
  const text = validationStatusText(last, now);
  const Icon =
    status === 'ok'
      ? CheckCircleIcon
      : status === 'warning'
        ? WarningIcon
        : status === 'failed'
          ? ErrorCircleIcon
          : DashCircleIcon;
  return (
    <span className={`status-badge status-badge--${status}`} title={text}>
      <Icon size={13} />
      <span className="status-badge__text">{text}</span>
    </span>
  );
}
