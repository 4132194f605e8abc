// Who a citation names: a person by the surname, an organisation whole or by the acronym the deck
// gives (issue 19: "Stockholm International Peace Research Institute" was cited as "Institute").
import { describe, expect, it } from 'vitest';
import { authorLabel } from '../src/core/model/author-label.js';

describe('the author part of a citation label', () => {
  it.each([
    ['Stefan Reith', 'Reith'],
    ['Reith, Stefan', 'Reith'],
    ['Gustavo Petro', 'Petro'],
    ['Max Mustermann and Erika Musterfrau', 'Mustermann'],
    ['Max Mustermann; Erika Musterfrau', 'Mustermann'],
    ['Ursula von der Leyen', 'von der Leyen'],
    ['Ludwig van Beethoven', 'van Beethoven'],
    ['Martin Luther King Jr.', 'King'],
    ['Joan Manuel Serrat', 'Serrat'],
    ['Hakim El Hattab', 'Hattab'],
  ])('a person: %s → %s', (author, label) => expect(authorLabel(author)).toBe(label));

  it.each([
    ['Stockholm International Peace Research Institute', 'Stockholm International Peace Research Institute'],
    ['International Crisis Group', 'International Crisis Group'],
    ['The World Bank', 'The World Bank'],
    ['Bundesministerium der Verteidigung', 'Bundesministerium der Verteidigung'],
    ['Auswärtiges Amt', 'Auswärtiges Amt'],
    ['Stiftung Wissenschaft und Politik', 'Stiftung Wissenschaft und Politik'],
    ['Ministerio de Defensa Nacional', 'Ministerio de Defensa Nacional'],
    ['NATO', 'NATO'],
  ])('an organisation, whole: %s', (author, label) => expect(authorLabel(author)).toBe(label));

  it.each([
    ['Stockholm International Peace Research Institute (SIPRI)', 'SIPRI'],
    ['SIPRI (Stockholm International Peace Research Institute)', 'SIPRI'],
    ['United Nations Office on Drugs and Crime (UNODC)', 'UNODC'],
    ['Bundesministerium der Verteidigung (BMVg)', 'BMVg'],
    ['Group of Seven (G7)', 'G7'],
  ])('an organisation by the acronym the deck gives: %s → %s', (author, label) => expect(authorLabel(author)).toBe(label));

  it.each([
    ['Max Mustermann (Hrsg.)', 'Mustermann'],
    ['Jane Doe (ed.)', 'Doe'],
  ])('takes no acronym from a bracket that holds none: %s → %s', (author, label) => expect(authorLabel(author)).toBe(label));
});
