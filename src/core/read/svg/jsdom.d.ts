// jsdom ships no types and @types/jsdom follows the newest jsdom (30+, which needs Node 22);
// talkdeck uses one constructor and the window it makes.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
