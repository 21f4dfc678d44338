/** The parts of an IPC event the sender check looks at. */
export interface IpcSenderInfo {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

/**
 * Decides whether an IPC message comes from the app's own window: its webContents must be one we
 * created, and the frame's URL must be the app's own page (not something it was navigated to).
 */
export function createTrustedSenders(isAppUrl: (url: string) => boolean) {
  const trustedIds = new Set<number>();
  return {
    trust(webContentsId: number): void {
      trustedIds.add(webContentsId);
    },
    forget(webContentsId: number): void {
      trustedIds.delete(webContentsId);
    },
    isTrusted(event: IpcSenderInfo): boolean {
      if (!trustedIds.has(event.sender.id)) return false;
      const url = event.senderFrame?.url;
      return typeof url === 'string' && isAppUrl(url);
    },
  };
}

export type TrustedSenders = ReturnType<typeof createTrustedSenders>;

/**
 * The app's own pages: the built renderer's index.html (file://) or, in development, the Vite dev
 * server's origin.
 */
export function appUrlMatcher(
  options: { rendererFile: string } | { devServerUrl: string },
): (url: string) => boolean {
  if ('devServerUrl' in options) {
    const origin = new URL(options.devServerUrl).origin;
    return (url) => {
      try {
        return new URL(url).origin === origin;
      } catch {
        return false;
      }
    };
  }
  const expected = new URL(`file://${options.rendererFile.replaceAll('\\', '/').replace(/^\/?/, '/')}`);
  return (url) => {
    try {
      const actual = new URL(url);
      return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    } catch {
      return false;
    }
  };
}
