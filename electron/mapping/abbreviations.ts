/**
 * Abbreviations and spelling variants expanded to one canonical token, so "Acme Svcs" and
 * "Acme Services" share a key. Both sides of a comparison go through the same table, so the canonical
 * spelling only has to be consistent, not pretty.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['svc', 'services'],
  ['svcs', 'services'],
  ['srvcs', 'services'],
  ['service', 'services'],
  ['intl', 'international'],
  ['int', 'international'],
  ['assoc', 'associates'],
  ['assocs', 'associates'],
  ['mfg', 'manufacturing'],
  ['mfrs', 'manufacturers'],
  ['bros', 'brothers'],
  ['co', 'company'],
  ['corp', 'corporation'],
  ['ctr', 'centre'],
  ['cntr', 'centre'],
  ['center', 'centre'],
  ['dept', 'department'],
  ['grp', 'group'],
  ['mgmt', 'management'],
  ['mgt', 'management'],
  ['tech', 'technology'],
  ['techs', 'technology'],
  ['technologies', 'technology'],
  ['eng', 'engineering'],
  ['engg', 'engineering'],
  ['st', 'saint'],
  ['mt', 'mount'],
  ['natl', 'national'],
  ['univ', 'university'],
  ['hosp', 'hospital'],
  ['sys', 'systems'],
  ['solns', 'solutions'],
  ['dist', 'distribution'],
  ['bldrs', 'builders'],
  ['props', 'properties'],
  ['inds', 'industries'],
  ['assn', 'association'],
  ['govt', 'government'],
  ['acctg', 'accounting'],
  ['accts', 'accountants'],
  ['ents', 'enterprises'],
  ['hldgs', 'holdings'],
  ['mktg', 'marketing'],
  ['prods', 'products'],
]);

/** Words that carry no identity at all and are dropped from keys ("Smith & Jones" = "Smith Jones"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y']);
