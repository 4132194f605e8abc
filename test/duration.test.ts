// A talk's duration as reveal-md authors write it in front matter, English and German: what is
// read, and what is refused (never guessed). Expected minutes worked out by hand.
import { describe, expect, it } from 'vitest';
import { readDuration } from '../src/core/read/markdown/duration.js';

describe('durations in words', () => {
  it.each([
    [60, 60],
    ['60', 60],
    ['20', 20],
    ['60 minutes', 60],
    ['45 min', 45],
    ['45 Min.', 45],
    ['90 mins', 90],
    ['1 hour', 60],
    ['an hour', 60],
    ['1.5 hours', 90],
    ['1h 30m', 90],
    ['1h30', 90],
    ['1h30m', 90],
    ['2 hours 15', 135],
    ['1 hour and 30 minutes', 90],
    ['an hour and a half', 90],
    ['half an hour', 30],
    ['a quarter of an hour', 15],
    ['1:30', 90],
    ['1:30 h', 90],
    ['0:45:30', 45.5],
    ['PT1H30M', 90],
    ['pt45m', 45],
    ['5 min 30', 5.5],
    ['90 seconds', 1.5],
    ["45'", 45],
    ['ca. 45 min', 45],
    ['about 1 hour', 60],
    ['~ 20 minutes', 20],
    ['60 minutes (with questions)', 60],
    ['90 Minuten', 90],
    ['1,5 Stunden', 90],
    ['2 Stunden', 120],
    ['1 Stunde', 60],
    ['1 Std. 30 Min.', 90],
    ['1 Stunde und 30 Minuten', 90],
    ['eine halbe Stunde', 30],
    ['anderthalb Stunden', 90],
    ['eineinhalb Stunden', 90],
    ['zweieinhalb Stunden', 150],
    ['Viertelstunde', 15],
    ['eine Dreiviertelstunde', 45],
    ['etwa 20 Minuten', 20],
    ['ungefähr 1 h', 60],
    ['1.1 h', 66],
  ])('%j is %d minutes', (text, minutes) => {
    expect(readDuration(text)).toEqual({ minutes });
  });

  it.each([
    ['15 minuets', 'unknown word “minuets”', 'minutes'],
    ['1 hor', 'unknown word “hor”', 'hour'],
    ['tomorrow', 'unknown word “tomorrow”', undefined],
    ['3 Tage', '“Tage”: days and weeks are not the length of a talk', undefined],
    ['2 days', '“days”: days and weeks are not the length of a talk', undefined],
    ['1,500 minutes', '“1,500” could be thousands or a decimal comma', undefined],
    ['30 minutes 1 hour', '“hour” comes after a smaller or equal unit', undefined],
    ['1 2 hours', 'two numbers in a row (“2”)', undefined],
    ['hours', '“hours” has no number before it', undefined],
    ['Stunden', '“Stunden” has no number before it', undefined],
    ['30 h', 'it is longer than a day', undefined],
    ['0', 'it is not a positive length of time', undefined],
    [-5, 'it is not a positive length of time', undefined],
    ['', 'it is empty', undefined],
    [true, 'it is not a number or a text', undefined],
  ])('%j is refused: %s', (text, problem, suggestion) => {
    expect(readDuration(text)).toEqual(suggestion ? { problem, suggestion } : { problem });
  });
});
