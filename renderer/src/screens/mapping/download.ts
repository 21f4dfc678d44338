/**
 * Hands text to the user as a file: a Blob URL on a temporary <a download>. The CSP (default-src
 * 'self') has no say over a download link, and nothing leaves the machine; in Electron the download
 * goes through the session's save dialog.
 */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
