/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", else the date. Short on purpose: it
 * sits in a badge in the sidebar, where a technician glances to see how fresh a validation is.
 */
export function formatRelativeTime(iso: string, now: Date): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `on ${then.toLocaleDateString()}`;
}
