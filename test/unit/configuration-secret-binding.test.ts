import { describe, expect, it } from 'vitest';
import { changedSecretBoundFields } from '../../shared/configuration-rules';

const saved = {
  resourceServer: 'acme.halopsa.com',
  authServer: '',
  tenant: 'acme',
  isOnPremise: false,
  caCertificatePem: '',
};

describe('changedSecretBoundFields', () => {
  it('names each host, tenant, on-premise or CA change and ignores surrounding spaces', () => {
    expect(changedSecretBoundFields(saved, { ...saved, resourceServer: ' acme.halopsa.com ' })).toEqual([]);
    expect(changedSecretBoundFields(saved, { ...saved, resourceServer: 'evil.example.com' })).toEqual([
      'resourceServer',
    ]);
    expect(
      changedSecretBoundFields(saved, {
        ...saved,
        authServer: 'auth.example.com',
        tenant: 'x',
        isOnPremise: true,
      }),
    ).toEqual(['authServer', 'tenant', 'isOnPremise']);
    expect(changedSecretBoundFields(saved, { ...saved, caCertificatePem: 'PEM' })).toEqual([
      'caCertificatePem',
    ]);
  });
});
