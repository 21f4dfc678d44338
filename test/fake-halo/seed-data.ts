import { pick, type Random, seededRandom } from './prng';
import type { FakeAzureTenant, FakeClientRow } from './types';

/**
 * Deterministic, realistic MSP customer lists. Names carry the things that break naive code in real
 * Halo data: `&`, accents, HTML entities (`Baker &amp; Co`), apostrophes, legal suffixes and
 * qualifiers such as "(HQ)". Ids are not contiguous (they start at 12 and skip some), as in a Halo
 * instance where customers were deleted over the years.
 */

export interface FakeTopLevel {
  id: number;
  name: string;
}

export const TOP_LEVELS: readonly FakeTopLevel[] = [
  { id: 1, name: 'Customers' },
  { id: 2, name: 'Prospects' },
  { id: 3, name: 'Internal' },
];

const CUSTOMERS = 1;
const PROSPECTS = 2;
const INTERNAL = 3;

/** The MSP's own organisation: the one row under the "Internal" top level. */
const INTERNAL_NAME = 'Brightline IT Services Ltd';

/** Hand-picked names that come first, so even a small fake shows every awkward case. */
const SPECIAL_NAMES: readonly string[] = [
  'Smith & Sons Plumbing Ltd',
  'Café Müller GmbH',
  'Baker &amp; Co',
  INTERNAL_NAME,
  'Riverside Dental Practice (HQ)',
  'Jones & Partners Solicitors LLP',
  'Ørsted Façades ApS',
  "O'Connor Family Dentistry",
  'Lefèvre & Fils SARL',
  'Patel Pharmacy Inc',
  'Hill &amp; Dale Veterinary Clinic',
  'Nguyễn Accounting Group',
  'Zürich Treuhand AG',
  'Northgate Law Group LLC',
  'São Paulo Imports Ltda',
  'O&#39;Brien Electrical Ltd',
];

const SURNAMES: readonly string[] = [
  'Smith',
  'Jones',
  'Patel',
  'Williams',
  'Brown',
  'Taylor',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Walker',
  'Wright',
  'Robinson',
  'Thompson',
  'White',
  'Hughes',
  'Edwards',
  'Green',
  'Hall',
  'Wood',
  'Harris',
  'Lewis',
  'Martin',
  'Jackson',
  'Clarke',
  'Turner',
  'Hill',
  'Scott',
  'Cooper',
  'Morris',
  'Ward',
  'Moore',
  'King',
  'Watson',
  'Baker',
  'Harrison',
  'Morgan',
  'Müller',
  'Schmidt',
  'Fischer',
  'Weber',
  'Dubois',
  'Lefèvre',
  'García',
  'Martínez',
  'Fernández',
  'Núñez',
  "O'Brien",
  "O'Connor",
  'McDonald',
  'MacLeod',
  'Kowalski',
  'Nowak',
  'Andersson',
  'Johansson',
  'Nguyen',
  'Kim',
  'Okafor',
  'Adeyemi',
  'Rossi',
  'Bianchi',
  'Costa',
  'Silva',
  'Haddad',
  'Cohen',
  'Novak',
  'Jensen',
  'Björk',
  'Søndergaard',
  'Łukasik',
  'Çelik',
  'Yılmaz',
  'Papadopoulos',
  'Fitzgerald',
  'Chen',
  'Singh',
];

const TOWNS: readonly string[] = [
  'Riverside',
  'Oakwood',
  'Northgate',
  'Westfield',
  'Kingsbridge',
  'Ashford',
  'Brookfield',
  'Fairview',
  'Lakeside',
  'Hillcrest',
  'Maplewood',
  'Springfield',
  'Harbour',
  'Elmstead',
  'Stonebridge',
  'Millbrook',
  'Bayview',
  'Cedar Park',
  'Highland',
  'Redhill',
  'Southport',
  'Eastleigh',
  'Windmill',
  'Meadowbank',
  'Clearwater',
  'Pinecrest',
  'Willowdale',
  'Foxley',
  'Thornbury',
  'Albany',
  'Bridgewater',
  'Dunmore',
  'Glenwood',
  'Hampton',
  'Ivybridge',
  'Kensington',
  'Marston',
  'Newbury',
  'Pembroke',
  'Rosedale',
  'Tamworth',
  'Whitby',
  'Yardley',
  'München',
  'Köln',
  'Malmö',
  'Montréal',
  'Düsseldorf',
  'Genève',
  'Ålesund',
  'Århus',
  'Besançon',
  'Cádiz',
];

const ADJECTIVES: readonly string[] = [
  'Blue',
  'Summit',
  'Evergreen',
  'Silver',
  'Pioneer',
  'Apex',
  'Harbor',
  'Granite',
  'Crimson',
  'Northern',
  'Golden',
  'Bright',
  'Cardinal',
  'Atlas',
  'Keystone',
  'Liberty',
  'Sterling',
  'Coastal',
  'Union',
  'Prime',
];

const NOUNS: readonly string[] = [
  'Ridge',
  'Oak',
  'Bridge',
  'Peak',
  'Harbour',
  'Field',
  'Stone',
  'River',
  'Crest',
  'Point',
  'Gate',
  'Wave',
  'Lantern',
  'Anchor',
  'Compass',
  'Beacon',
  'Falcon',
  'Maple',
  'Orchard',
  'Forge',
];

type NameTemplate = (random: Random) => string;

const surname = (random: Random): string => pick(random, SURNAMES);
const town = (random: Random): string => pick(random, TOWNS);
const brand = (random: Random): string => `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}`;

const NAME_TEMPLATES: readonly NameTemplate[] = [
  (r) => `${surname(r)} Dental Practice`,
  (r) => `${town(r)} Dental Care`,
  (r) => `${town(r)} Family Dentistry`,
  (r) => `${surname(r)} & ${surname(r)} Dental Surgery`,
  (r) => `${town(r)} Orthodontics`,
  (r) => `${surname(r)} & ${surname(r)} Solicitors`,
  (r) => `${surname(r)} ${surname(r)} LLP`,
  (r) => `${surname(r)} Law Group LLC`,
  (r) => `${surname(r)} & Associates Attorneys`,
  (r) => `${town(r)} Legal Services Ltd`,
  (r) => `${surname(r)} & Sons Plumbing Ltd`,
  (r) => `${surname(r)} Electrical Contractors Ltd`,
  (r) => `${town(r)} Roofing & Building`,
  (r) => `${surname(r)} Heating Inc`,
  (r) => `${surname(r)} Accountants Ltd`,
  (r) => `${surname(r)} & Co Chartered Accountants`,
  (r) => `${town(r)} Tax Advisors LLC`,
  (r) => `${town(r)} Veterinary Clinic`,
  (r) => `${town(r)} Animal Hospital`,
  (r) => `${town(r)} Medical Centre`,
  (r) => `${surname(r)} Physiotherapy`,
  (r) => `${town(r)} Pharmacy`,
  (r) => `${town(r)} Optometry Inc`,
  (r) => `${town(r)} Primary School`,
  (r) => `${town(r)} Community Trust`,
  (r) => `${brand(r)} Consulting LLC`,
  (r) => `${brand(r)} Ltd`,
  (r) => `${brand(r)} Inc`,
  (r) => `${brand(r)} Capital Partners`,
  (r) => `${surname(r)} Real Estate`,
  (r) => `${town(r)} Property Management LLC`,
  (r) => `${surname(r)} Architects`,
  (r) => `${surname(r)} Engineering GmbH`,
  (r) => `${surname(r)} Logistik GmbH`,
  (r) => `${town(r)} Motors Ltd`,
  (r) => `${surname(r)}'s Bakery`,
  (r) => `Café ${surname(r)}`,
  (r) => `${town(r)} Hotel & Spa`,
  (r) => `${town(r)} Golf Club`,
  (r) => `${surname(r)} Insurance Brokers`,
  (r) => `${town(r)} Marketing Agency`,
  (r) => `${surname(r)} Financial Planning Inc`,
  (r) => `${town(r)} Recruitment Ltd`,
  (r) => `${surname(r)} Transport Ltd`,
  (r) => `${town(r)} Manufacturing Inc`,
];

const QUALIFIERS: readonly string[] = [' (HQ)', ' (Head Office)', ' (Old)', ' (Do Not Use)', ' - Branch'];

const SITE_NAMES: readonly string[] = ['Main Site', 'Main Site', 'Main Site', 'Head Office', 'Main', 'HQ'];

const LEGAL_WORDS = /\b(ltd|llc|llp|inc|gmbh|sarl|aps|ag|ltda|co|the)\b/g;

/** Strips accents: "Café Müller" -> "Cafe Muller". */
function asciiFold(text: string): string {
  // Most names are plain ASCII; skipping the Unicode work for them halves the cost of 20,000 rows.
  if (!/[^\x20-\x7e]/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/ı/g, 'i');
}

/** Folds a customer name into a plausible domain label: "Café Müller GmbH" -> "cafemuller". */
function domainLabel(name: string): string {
  const label = asciiFold(name.replace(/&#39;|'/g, '').replace(/&amp;|&/g, ' and '))
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(LEGAL_WORDS, ' ')
    .replace(/[^a-z0-9]+/g, '')
    .replace(/and$/, '');
  return label.length > 0 ? label.slice(0, 40) : 'example';
}

function website(random: Random, label: string): string {
  if (random() < 0.3) return '';
  const host = `${label}${pick(random, ['.co.uk', '.com', '.com', '.net', '.de', '.org'])}`;
  const style = random();
  if (style < 0.4) return `https://www.${host}`;
  if (style < 0.7) return `www.${host}`;
  if (style < 0.9) return host;
  return `http://${host}/`;
}

function accountRef(random: Random, label: string, serial: number): string {
  if (random() < 0.4) return '';
  const letters = label.slice(0, 3).toUpperCase().padEnd(3, 'X');
  return `${letters}${String(serial % 1000).padStart(3, '0')}`;
}

function notes(random: Random): string {
  const roll = random();
  if (roll < 0.85) return '';
  return pick(random, [
    'Prefers email contact',
    'Contract renews in April',
    '<p>Key holder: reception</p>',
    'After-hours support agreed',
    'Uses Halo portal for tickets',
  ]);
}

/** Makes a generated name unique within the list without losing its realistic look. */
function uniqueName(random: Random, taken: Set<string>, candidate: string): string {
  if (!taken.has(candidate.toLowerCase())) return candidate;
  const withTown = `${candidate} (${town(random)})`;
  if (!taken.has(withTown.toLowerCase())) return withTown;
  for (let n = 2; ; n += 1) {
    const numbered = `${candidate} ${n}`;
    if (!taken.has(numbered.toLowerCase())) return numbered;
  }
}

function generatedName(random: Random): string {
  let name = pick(random, NAME_TEMPLATES)(random);
  const roll = random();
  if (roll < 0.03) name += pick(random, QUALIFIERS);
  else if (roll < 0.04) name = name.replace(' & ', ' &amp; ');
  return name;
}

function topLevelFor(random: Random, name: string): FakeTopLevel {
  const id = name === INTERNAL_NAME ? INTERNAL : random() < 0.1 ? PROSPECTS : CUSTOMERS;
  const topLevel = TOP_LEVELS.find((t) => t.id === id);
  if (!topLevel) throw new Error(`unknown top level ${id}`);
  return topLevel;
}

export interface SeedOptions {
  count: number;
  seed: number;
  inactiveShare: number;
}

/** `count` realistic client rows, identical for the same seed. 20,000 rows take a few tens of ms. */
export function generateClients({ count, seed, inactiveShare }: SeedOptions): FakeClientRow[] {
  const random = seededRandom(seed);
  const taken = new Set<string>();
  const rows: FakeClientRow[] = [];
  let id = 12;
  let siteId = 3;
  for (let index = 0; index < count; index += 1) {
    const candidate = SPECIAL_NAMES[index] ?? generatedName(random);
    const name = uniqueName(random, taken, candidate);
    taken.add(name.toLowerCase());
    const topLevel = topLevelFor(random, name);
    const inactive = topLevel.id !== INTERNAL && random() < inactiveShare;
    const label = domainLabel(name);
    rows.push({
      id,
      name,
      toplevel_id: topLevel.id,
      toplevel_name: topLevel.name,
      inactive,
      main_site_id: siteId,
      main_site_name: random() < 0.1 ? town(random) : pick(random, SITE_NAMES),
      website: website(random, label),
      ref: accountRef(random, label, index + 1),
      colour: random() < 0.15 ? pick(random, ['#1e90ff', '#2e8b57', '#ff8c00', '#8a2be2', '#dc143c']) : '',
      is_vip: random() < 0.03,
      customertype: random() < 0.8 ? 0 : pick(random, [1, 2]),
      accountsid: random() < 0.5 ? '' : `ACC${String(10_000 + index * 7).padStart(6, '0')}`,
      notes: notes(random),
    });
    // Gaps in both id sequences, as deletions leave in a real instance.
    id += 1 + (random() < 0.2 ? 1 + Math.floor(random() * 3) : 0);
    siteId += 1 + (random() < 0.1 ? 1 : 0);
  }
  addAzureTenants(rows, seed);
  return rows;
}

/** A GUID drawn from `random`, shaped like the tenant ids Microsoft issues (version 4). */
function tenantGuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function tenantRecord(id: number, client: FakeClientRow, tenantId: string, domain: string): FakeAzureTenant {
  return {
    id,
    details_id: 1,
    client_id: client.id,
    client_name: client.name,
    azure_tenant_id: tenantId,
    azure_tenant_name: client.name,
    azure_tenant_domain: domain,
    details_name: 'Microsoft CSP',
    licence_import_type: 0,
    relationship_type: 0,
  };
}

/**
 * Gives about a quarter of the clients a Microsoft tenant record, as an MSP's Halo linked to Microsoft
 * CSP/Partner Center holds them, and puts one tenant on two clients (a group whose companies share a
 * tenant, which must not prove either). Drawn from its own generator so the rest of the seed is the same
 * with or without tenants.
 */
function addAzureTenants(rows: FakeClientRow[], seed: number): void {
  const random = seededRandom(seed * 7919 + 17);
  let recordId = 1;
  for (const row of rows) {
    if (row.toplevel_id === INTERNAL || random() >= 0.25) continue;
    const domain = `${domainLabel(row.name).slice(0, 27)}.onmicrosoft.com`;
    row.azure_tenants = [tenantRecord(recordId, row, tenantGuid(random), domain)];
    recordId += 1;
  }
  // The group: the first client without a tenant shares the first tenant-holding client's tenant.
  const shared = rows.find((row) => row.azure_tenants !== undefined)?.azure_tenants?.[0];
  const partner = rows.find((row) => row.toplevel_id !== INTERNAL && row.azure_tenants === undefined);
  if (shared && partner) {
    partner.azure_tenants = [
      tenantRecord(recordId, partner, shared.azure_tenant_id, shared.azure_tenant_domain),
    ];
  }
}
