/** Stable slide ids from titles: readable ASCII, so `#/<id>` links survive slides being inserted. */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'ae', Ö: 'oe', Ü: 'ue', ß: 'ss' };

export function slugify(text: string, maxLength = 48): string {
  const ascii = text
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength).replace(/-+$/, '');
}

/**
 * talkdeck's own ids in the page (`talkdeck-ref-<key>`, `talkdeck-map-<slide>`, the dev server's
 * `talkdeck-problems`) start with this; a deck's slide ids never do, so the two cannot collide.
 */
export const RESERVED_ID_PREFIX = 'talkdeck-';

/** Gives every slide a unique id: explicit ids are kept, generated ones get -2, -3 … on clashes. */
export function assignIds(slides: { explicit?: string | undefined; title: string; fallback: string }[]): string[] {
  const taken = new Set(slides.flatMap((s) => (s.explicit ? [s.explicit] : [])));
  return slides.map((s) => {
    if (s.explicit) return s.explicit;
    const slug = slugify(s.title) || s.fallback;
    // A title such as "talkdeck problems" must not take one of talkdeck's own ids.
    const base = slug.startsWith(RESERVED_ID_PREFIX) ? `slide-${slug}` : slug;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
