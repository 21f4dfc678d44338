import type { FakeClientRow } from './types';

/** A Halo client row with plain defaults, for tests that need a few named clients rather than a seed. */
export function fakeClientRow(id: number, name: string, extra: Partial<FakeClientRow> = {}): FakeClientRow {
  return {
    id,
    name,
    toplevel_id: 1,
    toplevel_name: 'Customers',
    inactive: false,
    main_site_id: id * 10,
    main_site_name: 'Main Site',
    website: '',
    ref: '',
    colour: '',
    is_vip: false,
    customertype: 0,
    accountsid: '',
    notes: '',
    ...extra,
  };
}
