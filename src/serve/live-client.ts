/**
 * The script `talkdeck serve` adds to index.html (never to `talkdeck build` output). It listens
 * to the server's events and
 * - reloads onto the slide it was on, by the slide's id (`#/<id>`, as reveal.js `hash: true`
 *   writes it), falling back to the same position when that id is gone (a retitled slide);
 * - shows build problems in an overlay over the last good deck, and removes it when fixed;
 * - tells the speaker view's previews (iframes running this script) to reload too, by a
 *   BroadcastChannel, so only top-level windows hold a connection to the server.
 *
 * `liveClient` runs in the browser: it is sent as its own source text, so it must not use
 * anything from this module's scope. It is a classic script, which also works from a
 * reveal.js `hash: true` page and inside the notes plugin's iframes.
 */
import { allowSameOriginConnect, pageNonce } from '../core/write/html/csp.js';

export interface LiveClientOptions {
  /** The build this page was served from; a different one on connect means "reload". */
  version: string;
  /** The Server-Sent Events endpoint. */
  endpoint: string;
}

/** What the server sends about a problem: `text` is what the terminal prints, without colours. */
export interface LiveProblem {
  location: string;
  text: string;
}

export const LIVE_CHANNEL = 'talkdeck-live';
const POSITION_KEY = 'talkdeck-live-position';
export const OVERLAY_ID = 'talkdeck-problems';

/** The `<script>` element for index.html; `nonce` is the page's (core/write/html/csp.ts). */
export function liveClientTag(opts: LiveClientOptions, nonce?: string): string {
  const args = JSON.stringify({ ...opts, channel: LIVE_CHANNEL, positionKey: POSITION_KEY, overlayId: OVERLAY_ID });
  // `<` escaped so no string can close the element.
  return `<script data-talkdeck-live${nonce ? ` nonce="${nonce}"` : ''}>(${liveClient.toString()})(${args.replace(/</g, '\\u003c')});</script>\n`;
}

/**
 * Adds the client before the last `</body>`, or at the end when a custom page has none. The
 * page's policy admits it by the page's nonce, and lets it open its event stream to this server.
 */
export function injectLiveClient(html: string, opts: LiveClientOptions): string {
  const tag = liveClientTag(opts, pageNonce(html));
  const page = allowSameOriginConnect(html);
  const at = page.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? page + tag : page.slice(0, at) + tag + page.slice(at);
}

interface ClientArgs extends LiveClientOptions {
  channel: string;
  positionKey: string;
  overlayId: string;
}

interface RevealLike {
  isReady(): boolean;
  on(event: string, listener: () => void): void;
  getCurrentSlide(): HTMLElement | undefined;
  getIndices(): { h: number; v: number; f?: number };
  getHorizontalSlides(): HTMLElement[];
  slide(h: number, v?: number, f?: number): void;
}

function liveClient(args: ClientArgs): void {
  const reveal = (): RevealLike | undefined => (window as unknown as { Reveal?: RevealLike }).Reveal;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(args.channel) : undefined;
  // The notes plugin loads its previews with `?receiver`.
  const framed = /[?&]receiver\b/i.test(location.search);
  if (framed && channel) {
    channel.onmessage = (event: MessageEvent) => {
      if (event.data && event.data.type === 'reload') location.reload();
    };
    return;
  }

  let reloading = false;
  const reload = (): void => {
    if (reloading) return;
    reloading = true;
    channel?.postMessage({ type: 'reload' });
    const deck = reveal();
    try {
      const slide = deck && deck.isReady() ? deck.getCurrentSlide() : undefined;
      if (!framed && deck && slide && slide.id) {
        const at = deck.getIndices();
        sessionStorage.setItem(args.positionKey, JSON.stringify({ id: slide.id, h: at.h, v: at.v }));
        const fragment = typeof at.f === 'number' && at.f >= 0 ? `/${at.f}` : '';
        // reveal.js writes the hash with a delay; write it now so the reload lands here.
        history.replaceState(history.state, '', `#/${encodeURIComponent(slide.id)}${fragment}`);
      }
    } catch {
      // No position to keep (storage blocked, reveal.js not running): reload where we are.
    }
    location.reload();
  };

  // After our own reload: if the slide's id is gone (retitled, removed), stay at its position.
  const restore = (): void => {
    let saved: { id: string; h: number; v: number } | null = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(args.positionKey) ?? 'null');
      sessionStorage.removeItem(args.positionKey);
    } catch {
      return;
    }
    const deck = reveal();
    if (!saved || !deck) return;
    const position = saved;
    const go = (): void => {
      if (document.getElementById(position.id)?.closest('.slides section')) return;
      deck.slide(Math.min(position.h, Math.max(0, deck.getHorizontalSlides().length - 1)), position.v);
    };
    if (deck.isReady()) go();
    else deck.on('ready', go);
  };

  let dismissed = '';
  const show = (problems: LiveProblem[]): void => {
    let host = document.getElementById(args.overlayId);
    const key = JSON.stringify(problems);
    if (!problems.length || key === dismissed) {
      host?.remove();
      if (!problems.length) dismissed = '';
      return;
    }
    if (!host) {
      host = document.createElement('div');
      host.id = args.overlayId;
      host.attachShadow({ mode: 'open' });
      document.body.appendChild(host);
    }
    const root = host.shadowRoot!;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const style = el('style', '');
    style.textContent = `
      :host { all: initial; }
      .backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgb(0 0 0 / 0.55);
        display: flex; align-items: flex-start; justify-content: center; padding: 4vh 2vw; overflow: auto;
        font: 16px/1.45 system-ui, sans-serif; }
      .panel { background: #fff; color: #1a1a1a; max-width: 70rem; width: 100%; border-radius: 6px;
        border-top: 6px solid #b3261e; padding: 1.25rem 1.5rem; box-shadow: 0 8px 32px rgb(0 0 0 / 0.4); }
      header { display: flex; align-items: baseline; gap: 1rem; }
      h2 { margin: 0; font-size: 1.3rem; color: #b3261e; flex: 1; }
      button { font: inherit; border: 1px solid #888; background: #f4f4f4; border-radius: 4px; padding: 0.2rem 0.8rem; cursor: pointer; }
      button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
      p { margin: 0.5rem 0 1rem; }
      ol { margin: 0; padding: 0; list-style: none; }
      li { margin: 0 0 1rem; }
      .location { font-weight: 700; font-family: ui-monospace, monospace; }
      pre { margin: 0.3rem 0 0; padding: 0.75rem; background: #f6f6f6; border-radius: 4px; overflow: auto;
        font: 14px/1.4 ui-monospace, monospace; white-space: pre-wrap; }`;
    const alert = el('div', 'backdrop');
    alert.setAttribute('role', 'alert');
    const panel = el('section', 'panel');
    const header = el('header', '');
    const n = problems.length;
    header.append(el('h2', '', `talkdeck: ${n} problem${n === 1 ? '' : 's'} in the deck`));
    const hide = el('button', '', 'Hide');
    hide.type = 'button';
    hide.addEventListener('click', () => {
      dismissed = key;
      host?.remove();
    });
    header.append(hide);
    const list = el('ol', '');
    for (const problem of problems) {
      const item = el('li', '');
      item.append(el('div', 'location', problem.location || 'deck'), el('pre', '', problem.text));
      list.append(item);
    }
    panel.append(header, el('p', '', 'Showing the last good version of the deck. Save a fix and this page updates by itself.'), list);
    alert.append(panel);
    root.replaceChildren(style, alert);
  };

  restore();
  const events = new EventSource(args.endpoint);
  events.addEventListener('hello', (event) => {
    const data = JSON.parse((event as MessageEvent).data) as { version: string; problems: LiveProblem[] };
    if (data.version !== args.version) reload();
    else show(data.problems);
  });
  events.addEventListener('reload', reload);
  events.addEventListener('problems', (event) => show(JSON.parse((event as MessageEvent).data) as LiveProblem[]));
}
