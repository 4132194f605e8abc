/**
 * Who a citation names ("Reith 2024"): a person by the surname, an organisation by its whole
 * name — "Stockholm International Peace Research Institute 2024", never "Institute 2024" — or
 * by the acronym the deck gives in brackets ("… Institute (SIPRI)" → "SIPRI"). Of several
 * authors, the first. A reference's `short` overrides all of it.
 */

/**
 * Words that make a name an organisation's. English and Romance ones as whole words; German
 * ones also as the end of a compound (Bundesministerium, Forschungsinstitut, Bundesamt) at least
 * four letters longer than the part, so that a surname like Serrat stays a person's.
 */
const ORGANISATION_WORDS = new Set([
  'academy', 'agency', 'alliance', 'archive', 'archives', 'army', 'assembly', 'association', 'authority', 'bank', 'board',
  'bureau', 'cabinet', 'center', 'centre', 'college', 'command', 'commission', 'committee', 'company', 'corporation',
  'council', 'court', 'department', 'directorate', 'embassy', 'federation', 'forces', 'forum', 'foundation', 'fund',
  'government', 'group', 'institute', 'institution', 'laboratory', 'league', 'library', 'ministry', 'museum', 'nations',
  'network', 'observatory', 'office', 'organisation', 'organization', 'parliament', 'partnership', 'police', 'press',
  'program', 'programme', 'project', 'republic', 'school', 'secretariat', 'senate', 'service', 'society', 'staff',
  'team', 'union', 'university', 'inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'gmbh', 'ag', 'e.v.', 'ev',
  // French, Spanish, Italian, Portuguese
  'agence', 'agencia', 'banco', 'banque', 'centro', 'comisión', 'commissione', 'conseil', 'consejo', 'fondation',
  'fundación', 'fundação', 'institut', 'instituto', 'istituto', 'ministère', 'ministerio', 'ministero', 'naciones',
  'organisation', 'organización', 'secretaría', 'universidad', 'université', 'università', 'universidade',
]);
const GERMAN_PARTS = [
  'akademie', 'amt', 'agentur', 'bank', 'behörde', 'bundestag', 'bundeswehr', 'dienst', 'forschung', 'gericht',
  'gesellschaft', 'hochschule', 'institut', 'kammer', 'kommission', 'ministerium', 'partei', 'rat', 'regierung',
  'stiftung', 'universität', 'verband', 'verein', 'zentrum',
];
/** Lower-case name parts that belong to the surname: Ursula von der Leyen → von der Leyen. */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'zum', 'zur', 'al', 'bin', 'ibn']);
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|phd|ph\.d\.|md)$/i;
/** An acronym: two or more capitals, maybe with digits, `&` or dots (SIPRI, UNODC, BMVg, G7). */
const ACRONYM = '[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&.]*[A-Z0-9][A-Za-z0-9&.]*';

export function authorLabel(author: string): string {
  const first = author.split(';')[0]!.trim();
  // "Full name (ACRONYM)" or "ACRONYM (Full name)": the acronym the deck gives.
  const bracketed = new RegExp(`^.+\\(\\s*(${ACRONYM})\\s*\\)$`).exec(first)?.[1] ?? new RegExp(`^(${ACRONYM})\\s*\\(.+\\)$`).exec(first)?.[1];
  if (bracketed) return bracketed;
  if (isOrganisation(first)) return first;
  // Any other bracket is a remark on the person: `(Hrsg.)`, `(ed.)`.
  const person = first.replace(/\s*\([^()]*\)\s*$/, '').split(/,| and | und | & | et | y /)[0]!.trim();
  const words = person.split(/\s+/).filter((w) => !SUFFIXES.test(w));
  if (words.length <= 1) return words[0] ?? person;
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return words.slice(start).join(' ');
}

function isOrganisation(name: string): boolean {
  if (/^(the|der|die|das|la|le|les|el|los|las|il)\s/i.test(name)) return true;
  return name.split(/[\s,/()]+/).some((word) => {
    const w = word.toLowerCase();
    return ORGANISATION_WORDS.has(w) || GERMAN_PARTS.some((part) => w === part || (w.length >= part.length + 4 && w.endsWith(part)));
  });
}
