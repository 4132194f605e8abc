/*
 * talkdeck speaker view: a reveal.js plugin (global `TalkdeckSpeakerView`) that replaces the
 * notes plugin. Press S: a popup shows the current and the next slide, the notes in a large
 * font, a 24-hour clock, the time elapsed against the deck's duration and the pacing from the
 * slides' `data-timing`, all labelled in the deck's language (labels come from the page's
 * reveal.js config, `speakerView.labels`, built from talkdeck's translation table).
 *
 * How it works, so it runs from file:// and from one self-contained HTML file: the popup is
 * opened on about:blank and written by this script (no second file to load); it runs its own
 * small script (speaker-window.js), so its timer survives a reload of the presentation. The
 * two windows talk only by postMessage, and each accepts messages only from the other window
 * (or from its own preview frames). The previews are the deck itself in iframes, opened with
 * `?receiver` (reveal.js's speaker-view convention) and steered through reveal.js's
 * postMessage API.
 *
 * Extensions (rehearsal, change marks) are files of their own that push onto the global list
 * `TalkdeckSpeakerExtensions` before Reveal.initialize:
 *
 *   { id, css, deck(api), popup(view) }
 *
 * `deck(api)` runs here, in the presentation (api: reveal, config, send(message), onMessage(fn));
 * `popup(view)` is copied into the speaker view as source and runs there with only `view`
 * (speaker-window.js documents it). Their messages travel as `{ type: 'ext', ext: id, … }`.
 * The data an extension needs from the build comes in the page's config, `speakerView.<id>`.
 *
 * This file is inlined by the single-file export: it must never contain a closing script tag.
 */
(function (root) {
  'use strict';

  var NS = 'talkdeck-speaker';
  var WINDOW_NAME = 'talkdeck-speaker-view';
  // The page's Content-Security-Policy admits inline scripts by nonce; the popup inherits that
  // policy, so its script carries the nonce this script was loaded with (read now: later there
  // is no currentScript).
  var NONCE = (root.document && root.document.currentScript && root.document.currentScript.nonce) || '';
  // The deck and its speaker view share an origin (the popup is about:blank, opened by the deck;
  // the previews are the deck's own URL). Served over http(s), messages go only to that origin
  // and are taken only from it. A page from file:// has an opaque origin, which postMessage
  // cannot name ('*' then); no web page can open or frame a file:// page to talk to it.
  var TARGET = root.location && /^https?:$/.test(root.location.protocol) ? root.location.origin : '*';
  function ours(event) {
    return TARGET === '*' || event.origin === TARGET;
  }

  /** The extensions loaded with the page (see the top of this file). */
  function extensions() {
    return (root.TalkdeckSpeakerExtensions || []).filter(function (ext) {
      return ext && typeof ext.id === 'string';
    });
  }

  function TalkdeckSpeakerView() {
    var deck;
    var popup = null;
    var connectTimer = null;
    // Identifies this page load: a speaker view that sees a new one (the deck was reloaded,
    // e.g. by talkdeck serve after a save) reloads its previews, which show the old deck.
    var loadId = String(Date.now()) + Math.random().toString(36).slice(2);
    // Extensions' handlers of messages from the speaker view, by extension id.
    var handlers = {};

    function labels() {
      return (deck.getConfig().speakerView || {}).labels || {};
    }

    function send(message) {
      if (popup && !popup.closed) popup.postMessage(JSON.stringify(Object.assign({ ns: NS }, message)), TARGET);
    }

    function slideTitle(slide) {
      var heading = slide && slide.querySelector('h1, h2');
      return heading ? heading.textContent.trim() : '';
    }

    function currentState() {
      var slides = deck.getSlides();
      var index = deck.getSlidePastCount();
      var slide = deck.getCurrentSlide();
      var notes = slide ? Array.prototype.map.call(slide.querySelectorAll('aside.notes'), function (n) { return n.innerHTML; }).join('\n') : '';
      var next = slides[index + 1];
      var options = deck.getConfig().talkdeck || {};
      return {
        type: 'state',
        state: deck.getState(),
        index: index,
        total: options.appendix ? options.mainSlides : slides.length,
        id: slide ? slide.id : null,
        label: slide ? slide.getAttribute('data-label') : null,
        backup: Boolean(slide && slide.hasAttribute('data-backup')),
        title: slideTitle(slide),
        notes: notes,
        nextTitle: next ? slideTitle(next) : null,
        hasNext: !deck.isLastSlide() || deck.availableFragments().next,
      };
    }

    function connectMessage() {
      var url = window.location.href.replace(/#.*$/, '');
      return {
        type: 'connect',
        url: url,
        loadId: loadId,
        totalTime: deck.getConfig().totalTime || null,
        appendix: Boolean((deck.getConfig().talkdeck || {}).appendix),
        timings: deck.getSlides().map(function (s) {
          var t = parseInt(s.getAttribute('data-timing'), 10);
          return isNaN(t) ? null : t;
        }),
        // Every slide in reading order, for extensions that list or total them.
        slides: deck.getSlides().map(function (s, i) {
          return { id: s.id, label: s.getAttribute('data-label') || String(i + 1), title: slideTitle(s), backup: s.hasAttribute('data-backup') };
        }),
      };
    }

    /** Sends `connect` until the popup answers: its script may start a moment later. */
    function connect() {
      clearInterval(connectTimer);
      var tries = 0;
      var attempt = function () {
        if (!popup || popup.closed || ++tries > 40) return clearInterval(connectTimer);
        send(connectMessage());
        send(currentState());
      };
      connectTimer = setInterval(attempt, 250);
      attempt();
    }

    function open() {
      if (popup && !popup.closed) {
        popup.focus();
        return;
      }
      popup = window.open('about:blank', WINDOW_NAME, 'width=1280,height=800');
      if (!popup) {
        window.alert(labels().blocked || 'Allow pop-up windows to open the speaker view.');
        return;
      }
      var config = { labels: labels(), lang: document.documentElement.lang || 'en', target: TARGET, data: deck.getConfig().speakerView || {} };
      popup.document.open();
      popup.document.write(root.TalkdeckSpeakerWindow.page(config, extensions(), NONCE));
      popup.document.close();
      connect();
    }

    function onMessage(event) {
      var data;
      try {
        data = typeof event.data === 'string' ? JSON.parse(event.data) : null;
      } catch (e) {
        return;
      }
      if (!data || data.ns !== NS || !ours(event)) return;
      // A speaker view this window opened before a reload announces itself: adopt it.
      // (`opener` may be read across origins, so this also holds for file:// pages.)
      if (data.type === 'heartbeat' && event.source && event.source !== popup) {
        var opener = null;
        try {
          opener = event.source.opener;
        } catch (e) {
          opener = null;
        }
        if (opener === window) {
          popup = event.source;
          connect();
        }
        return;
      }
      if (event.source !== popup) return;
      if (data.type === 'ext') {
        (handlers[data.ext] || []).forEach(function (handle) {
          handle(data);
        });
        return;
      }
      if (data.type === 'connected') clearInterval(connectTimer);
      else if (data.type === 'key' && typeof data.keyCode === 'number') deck.triggerKey(data.keyCode);
      else if (data.type === 'backup') toAppendix();
    }

    /** Jumps to the first slide of the backup part (the section with `appendix: true`). */
    function toAppendix() {
      var id = (deck.getConfig().talkdeck || {}).appendix;
      var target = id && document.getElementById(id);
      if (!target) return;
      var h = deck.getHorizontalSlides().indexOf(target.parentNode.classList.contains('stack') ? target.parentNode : target);
      if (h >= 0) deck.slide(h, 0, 0);
    }

    function onChange() {
      send(currentState());
    }

    return {
      id: 'talkdeck-speaker-view',
      init: function (reveal) {
        deck = reveal;
        // Inside the speaker view's own previews: stay passive.
        if (deck.isSpeakerNotes()) return;
        window.addEventListener('message', onMessage);
        ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed', 'overviewhidden'].forEach(function (name) {
          deck.on(name, onChange);
        });
        deck.addKeyBinding({ keyCode: 83, key: 'S', description: labels().open || 'Speaker view' }, open);
        extensions().forEach(function (ext) {
          if (typeof ext.deck !== 'function') return;
          ext.deck({
            reveal: deck,
            config: (deck.getConfig().speakerView || {})[ext.id],
            send: function (message) {
              send(Object.assign({}, message, { type: 'ext', ext: ext.id }));
            },
            onMessage: function (handle) {
              (handlers[ext.id] = handlers[ext.id] || []).push(handle);
            },
          });
        });
      },
      open: function () {
        open();
      },
    };
  }

  root.TalkdeckSpeakerView = TalkdeckSpeakerView;
})(typeof window !== 'undefined' ? window : this);
