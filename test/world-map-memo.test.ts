import { describe, it, expect } from 'vitest';
import { renderWorldMap, type WorldMapInput } from '../src/core/model/map/world-map.js';

const input = (title: string, countries = ['COL']): WorldMapInput => ({
  groups: [{ label: 'Partner', countries, emphasis: true }],
  lang: 'de',
  title,
  idPrefix: 'memo',
});

describe('renderWorldMap memo (the dev server rebuilds on every save)', () => {
  it('returns the drawn map again for the same input, and a new one when any input changes', () => {
    const first = renderWorldMap(input('Karte'));
    expect(renderWorldMap(input('Karte'))).toBe(first);
    const otherTitle = renderWorldMap(input('Andere Karte'));
    expect(otherTitle).not.toBe(first);
    expect(otherTitle.svg).toContain('Andere Karte');
    const otherCountries = renderWorldMap(input('Karte', ['COL', 'JPN']));
    expect(otherCountries.svg).toContain('data-iso="JPN"');
    expect(first.svg).not.toContain('data-iso="JPN"');
  });

  it('hands out a frozen result, so one caller cannot change what the next one gets', () => {
    const map = renderWorldMap(input('Eingefroren'));
    expect(Object.isFrozen(map)).toBe(true);
    expect(Object.isFrozen(map.legend)).toBe(true);
    expect(Object.isFrozen(map.legend[0])).toBe(true);
    expect(Object.isFrozen(map.legend[0]!.countryNames)).toBe(true);
  });
});
