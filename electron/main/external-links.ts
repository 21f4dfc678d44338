/**
 * The one gate to `shell.openExternal`: it opens only https: URLs on hosts the app was built to open (the
 * instance's own Halo host, Halo's documentation), never anything a page made up.
 */
export function createExternalLinkGate(openExternal: (url: string) => Promise<void>) {
  const allowedHosts = new Set<string>(['halopsa.com', 'usehalo.com']);
  return {
    /** Allows a host (e.g. an instance's "acme.halopsa.com" or "support.example.com:8443"). */
    allowHost(host: string): void {
      allowedHosts.add(host.toLowerCase());
    },
    /** `alsoAllow`: a host allowed for this one check only (an instance's own host, checked by the caller). */
    isAllowed(url: string, alsoAllow?: string): boolean {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'https:') return false;
      if (parsed.username || parsed.password) return false;
      const host = parsed.host.toLowerCase();
      return allowedHosts.has(host) || host === alsoAllow?.toLowerCase();
    },
    async open(url: string, alsoAllow?: string): Promise<boolean> {
      if (!this.isAllowed(url, alsoAllow)) return false;
      await openExternal(url);
      return true;
    },
  };
}

export type ExternalLinkGate = ReturnType<typeof createExternalLinkGate>;
