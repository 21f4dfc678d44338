import { accepted, clip, type FieldResult, refused } from './field-result';
import { tenantHint } from './halo-hosts';

const WHERE =
  "Copy it from Halo's API Details page (Configuration > Integrations > Halo API), where it is shown as Tenant.";

/**
 * The Tenant ID: optional for hosted Halo (sent as ?tenant= only when non-empty), and meaningless
 * on-premise. It is a name like "acme", lowercase letters, digits and hyphens.
 *
 * On-premise with a tenant is refused rather than silently dropped: a filled tenant means the
 * technician believes one is needed, which usually means Is On-Premise was ticked for a hosted
 * instance. Clearing the field costs one keystroke and keeps the saved value equal to what is shown.
 */
export function normaliseTenant(raw: string, options: { isOnPremise: boolean }): FieldResult {
  const trimmed = raw.trim();
  if (trimmed === '') return accepted('', trimmed !== raw);
  if (options.isOnPremise) {
    return refused(
      'On-premise Halo has no tenant: clear the Tenant ID. If this instance is hosted by Halo (like acme.halopsa.com), untick Is On-Premise instead.',
    );
  }
  if (/[./:]/.test(trimmed)) {
    const hint = tenantHint(trimmed);
    return refused(
      hint
        ? `The Tenant ID is just the name, like ${hint}, not the address ${clip(trimmed)}.`
        : `The Tenant ID is a single name like acme, without dots, slashes or colons. ${WHERE}`,
    );
  }
  const tenant = trimmed.toLowerCase();
  if (/\s/.test(tenant)) return refused(`The Tenant ID has no spaces. ${WHERE}`);
  const bad = /[^a-z0-9-]/.exec(tenant)?.[0];
  if (bad !== undefined) {
    return refused(
      `The Tenant ID has only letters, digits and hyphens, like acme; "${bad}" cannot be part of it. ${WHERE}`,
    );
  }
  if (tenant.startsWith('-') || tenant.endsWith('-')) {
    return refused(`The Tenant ID cannot start or end with a hyphen. ${WHERE}`);
  }
  if (tenant.length > 63)
    return refused(`The Tenant ID has at most 63 characters; this has ${tenant.length}. ${WHERE}`);
  return accepted(tenant, tenant !== raw);
}
