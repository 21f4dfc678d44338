import type { ReactNode } from 'react';

/** A path through Halo's menus, set apart so it reads as "click here, then here". */
export function HaloPath({ children }: { children: ReactNode }) {
  return <span className="halo-path">{children}</span>;
}

/** Where each group of values is found in Halo, in the words of Halo's own screens. */
export const SECTION_HELP = {
  api: (
    <>
      Copy these from Halo: <HaloPath>Configuration › Integrations › HaloPSA API › API Details</HaloPath>.
    </>
  ),
  application: (
    <>
      Copy these from Halo:{' '}
      <HaloPath>Configuration › Integrations › HaloPSA API › View Applications › your application</HaloPath>{' '}
      (authentication method “Client ID and Secret (Services)”).
    </>
  ),
} as const;

/** What each field is called on that screen, and what to watch out for. */
export const FIELD_HELP = {
  resourceServer: (
    <>
      Shown as <em>Resource Server</em>. Paste it as it is: https:// and /api are removed for you.
    </>
  ),
  authServer: (
    <>
      Only if API Details shows an <em>Authorisation Server</em> on another host, such as
      auth.haloservicedesk.com. Leave empty and the app asks Halo where to sign in.
    </>
  ),
  tenant: (
    <>
      Shown as <em>Tenant</em>. Halo-hosted instances usually have one; on-premise Halo has none.
    </>
  ),
  clientId: (
    <>A GUID. Halo may change it when the application is first saved, so copy it after saving there.</>
  ),
  clientSecret: <>Halo shows it only once. The app keeps it in the OS keychain and never shows it again.</>,
  isOnPremise: (
    <>
      Turn on when Halo runs on your own server rather than at an address like acme.halopsa.com. Allows an IP
      address, a port and a private CA; there is no tenant.
    </>
  ),
  caCertificatePem: (
    <>
      Only if the server’s certificate comes from your own certificate authority. Paste the PEM text or choose
      the .pem / .crt file.
    </>
  ),
} as const;
