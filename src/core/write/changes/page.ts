/**
 * The change report page, `<deck>-changes.html`: the change set (write/html/changes.ts) as one
 * self-contained page in the deck's language that runs no script and loads nothing (the same
 * content-security policy as every page talkdeck writes), marked as talkdeck's so that the next
 * run replaces it and never a file of the user's.
 */
import { escapeHtml as e } from '../../base/markdown.js';
import { fill, type ChangedDeck } from '../../model/change-labels.js';
import { changesHtml, CHANGES_CSS } from '../html/changes.js';
import { withContentSecurityPolicy } from '../html/csp.js';

const PAGE_CSS = `
:root{color-scheme:light}
body{margin:0;background:#fff;color:#1b1e24;font:16px/1.45 "Source Sans 3",system-ui,"Segoe UI",Arial,sans-serif}
main{max-width:72em;margin:0 auto;padding:1.5em 2em 3em}
h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.3em;margin:1.6em 0 .4em;border-bottom:2px solid #1b1e24}h3{font-size:1.08em}
@media print{main{padding:0;max-width:none}h2{break-after:avoid}}
`;

export function renderChangeReport(deck: ChangedDeck): string {
  const title = `${fill(deck.labels.changes.heading, { since: deck.changes.since })} – ${deck.title}`;
  const html = [
    '<!doctype html>',
    `<html lang="${e(deck.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="talkdeck">',
    `<title>${e(title)}</title>`,
    `<style>${PAGE_CSS}${CHANGES_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="td-changes">',
    changesHtml(deck, 1),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return withContentSecurityPolicy(html, { scripts: false });
}
