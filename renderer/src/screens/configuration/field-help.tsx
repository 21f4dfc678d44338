import type { ReactNode } from 'react';

/** A path through Halo's menus, set apart so it reads as "click here, then here". */
export function HaloPath({ children }: { children: ReactNode }) {
  return <span className="halo-path">{children}</span>;
}

const API_DETAILS = <HaloPath>Configuration › Integrations › HaloPSA API › API Details</HaloPath>;
const APPLICATION = (
  <HaloPath>Configuration › Integrations › HaloPSA API › View Applications › your application</HaloPath>
);

/** Where each value is found in Halo, in the words of Halo's own screens. */
export const FIELD_HELP = {
  resourceServer: (
    <>
      In Halo: {API_DETAILS}, shown as <em>Resource Server</em>. Paste it as it is; https:// and /api are
      removed for you.
    </>
  ),
  authServer: (
    <>
      Only if {API_DETAILS} shows an <em>Authorisation Server</em> on another host, such as
      auth.haloservicedesk.com. Leave empty and the app asks Halo where to sign in.
    </>
  ),
  tenant: (
    <>
      In Halo: {API_DETAILS}, shown as <em>Tenant</em>. On-premise Halo has none.
    </>
  ),
  clientId: (
    <>
      In Halo: {APPLICATION}. A GUID. Halo may change it when the application is first saved, so copy it after
      saving there.
    </>
  ),
  clientSecret: (
    <>
      In Halo: {APPLICATION} (authentication method “Client ID and Secret (Services)”). Halo shows it once;
      the app keeps it in the OS keychain and never shows it again.
    </>
  ),
  isOnPremise: (
    <>
      Turn on when Halo runs on your own server rather than at an address like acme.halopsa.com. Allows an IP
      address, a port and a private CA; there is no tenant.
    </>
  ),
  caCertificatePem: (
    <>
      Only if the server’s certificate comes from your own certificate authority. Paste the PEM text (from
      -----BEGIN CERTIFICATE-----) or choose the .pem / .crt file.
    </>
  ),
} as const;
