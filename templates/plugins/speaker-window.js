/*
 * The speaker view's own window (see speaker-view.js for how it is opened and talks to the
 * presentation): its markup, style and the script that runs in it, plus the `view` that
 * extensions (rehearsal, change marks) build on. Global `TalkdeckSpeakerWindow.page(config,
 * extensions, nonce)` returns the document speaker-view.js writes into the popup.
 *
 * This file is inlined by the single-file export: it must never contain a closing script tag.
 */
(function (root) {
  'use strict';

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
    });
  }

  /**
   * The popup's document: markup with the labels filled in, style (the view's and each
   * extension's), and the source of speakerWindow followed by each extension's `popup`.
   */
  function speakerPage(config, extensions, nonce) {
    var L = config.labels;
    var e = escapeHtml;
    var json = JSON.stringify(config).replace(/</g, '\\u003c');
    var close = '<' + '/script>';
    var css = SPEAKER_CSS + extensions.map(function (ext) { return ext.css || ''; }).join('');
    var run = extensions
      .filter(function (ext) { return typeof ext.popup === 'function'; })
      .map(function (ext) {
        // `popup: function (view) {…}` prints as a function; `popup(view) {…}` as a method.
        var source = ext.popup.toString();
        return '(' + (/^popup\s*\(/.test(source) ? '({' + source + '}).popup' : source) + ')(view);';
      })
      .join('');
    return (
      '<!doctype html><html lang="' + e(config.lang) + '"><head><meta charset="utf-8">' +
      '<title>' + e(L.title) + '</title><style>' + css + '</style></head><body>' +
      '<div id="td-status" role="status">' + e(L.connecting) + '</div>' +
      // Header: where we are and every time figure; below, the two previews; then the notes.
      '<header><div id="td-where"><p id="td-position"></p><p id="td-badges"></p></div>' +
      '<div class="td-stat"><h2 class="td-label">' + e(L.elapsed) + '</h2>' +
      '<p><span id="td-elapsed">0:00</span> <span id="td-duration"></span></p><p id="td-left"></p></div>' +
      '<div class="td-stat"><h2 class="td-label" id="td-pacing-label" hidden>' + e(L.pacing) + '</h2><p id="td-pacing" hidden></p></div>' +
      '<div class="td-stat"><h2 class="td-label">' + e(L.clock) + '</h2><p><time id="td-clock"></time></p></div></header>' +
      '<section id="td-current" aria-labelledby="td-current-label"><h2 id="td-current-label" class="td-label">' + e(L.current) + '</h2><div class="td-frame"></div></section>' +
      '<section id="td-next" aria-labelledby="td-next-label"><h2 id="td-next-label" class="td-label">' + e(L.upNext) + ' <span id="td-next-title"></span></h2><div class="td-frame"></div><p id="td-end" hidden>' + e(L.end) + '</p></section>' +
      '<section id="td-notes-box" aria-labelledby="td-notes-label"><div class="td-notes-head"><h2 id="td-notes-label" class="td-label">' + e(L.notes) + '</h2>' +
      '<p class="td-buttons"><span id="td-tools"></span><button type="button" id="td-backup" hidden>' + e(L.backup || 'Backup') + '</button>' +
      '<button type="button" id="td-reset">' + e(L.reset) + '</button>' +
      '<button type="button" id="td-smaller" aria-label="' + e(L.smaller) + '">A−</button>' +
      '<button type="button" id="td-larger" aria-label="' + e(L.larger) + '">A+</button></p></div>' +
      '<div id="td-notes"></div></section>' +
      // Room an extension fills and shows over the view (a rehearsal's summary, a list of changes).
      '<section id="td-panel" tabindex="-1" hidden></section>' +
      '<script' + (nonce ? ' nonce="' + e(nonce) + '"' : '') + '>(function () { var view = (' + speakerWindow.toString() + ')(' + json + ');' + run + '})();' + close +
      '</body></html>'
    );
  }

  var SPEAKER_CSS = [
    ':root{color-scheme:dark;--notes-size:30px}',
    '*{box-sizing:border-box}',
    'body{margin:0;height:100vh;padding:10px 16px;display:grid;gap:8px 16px;grid-template-columns:minmax(0,3fr) minmax(0,2fr);',
    'grid-template-rows:auto minmax(0,1fr) minmax(0,1fr);background:#16181d;color:#f2f2f2;font:18px/1.35 system-ui,"Segoe UI",Arial,sans-serif}',
    'header{grid-column:1/-1;display:flex;align-items:flex-end;gap:28px}header p{margin:0}',
    '#td-where{flex:1;min-width:0}#td-position{font-size:22px;font-weight:600}',
    '#td-badges:empty{display:none}#td-badges{display:flex;flex-wrap:wrap;gap:6px;margin-top:2px}',
    '.td-badge{font-size:14px;font-weight:600;padding:1px 8px;border-radius:4px;background:#3a3f4a;color:#f2f2f2}',
    '#td-tools{display:contents}',
    '#td-panel{position:fixed;inset:10px 16px;z-index:4;overflow:auto;padding:16px 20px;border:1px solid #5f6673;border-radius:6px;background:#16181d;box-shadow:0 8px 32px #000a}',
    '#td-panel[hidden]{display:none}#td-panel:focus{outline:none}',
    '#td-clock,#td-elapsed{font-size:30px;font-weight:700;font-variant-numeric:tabular-nums}',
    '#td-duration{font-size:18px;color:#a9b1bd}#td-left{font-size:16px}',
    '.td-label{margin:0 0 2px;font-size:13px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#a9b1bd}',
    '#td-left.over,#td-pacing.behind{color:#ff8a80}#td-pacing.ahead{color:#8ab4f8}#td-pacing.on-time{color:#81c995}',
    '#td-pacing{font-size:22px;font-weight:600}',
    '#td-current,#td-next{display:flex;flex-direction:column;min-height:0;min-width:0}',
    '#td-next-label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}',
    '#td-next-title{text-transform:none;letter-spacing:0;color:#f2f2f2}',
    '#td-end{margin:0;font-size:22px;color:#a9b1bd}',
    // The previews keep the slides' 16:9 in whatever room the window leaves them.
    '.td-frame{flex:1;min-height:0;container-type:size}',
    '.td-frame iframe{display:block;width:min(100cqw,100cqh*16/9);height:min(100cqh,100cqw*9/16);border:1px solid #3a3f4a;background:#fff}',
    '#td-notes-box{grid-column:1/-1;min-height:0;display:flex;flex-direction:column;border-top:1px solid #3a3f4a;padding-top:6px}',
    '.td-notes-head{display:flex;justify-content:space-between;align-items:center;gap:16px}',
    '.td-buttons{display:flex;gap:8px;margin:0}',
    'button{font:inherit;font-size:15px;padding:2px 12px;border-radius:4px;border:1px solid #5f6673;background:#262a33;color:#f2f2f2;cursor:pointer}',
    'button:focus-visible{outline:3px solid #8ab4f8;outline-offset:2px}',
    '#td-notes{flex:1;overflow:auto;font-size:var(--notes-size);line-height:1.45;max-width:60em}',
    '#td-notes p{margin:0 0 .6em}#td-notes.empty{color:#a9b1bd;font-style:italic}',
    '#td-status{position:fixed;inset:0;z-index:5;display:flex;align-items:center;justify-content:center;padding:20%;',
    'text-align:center;font-size:24px;background:#16181d}#td-status[hidden]{display:none}',
  ].join('');

  /**
   * Runs inside the popup (its source is written into the popup's document), so it must use
   * nothing from this file's scope: everything comes in through `config` and messages. Returns
   * the `view` every extension's `popup(view)` gets:
   *
   *   view.config       the page's `speakerView` block (an extension reads `view.config[id]`)
   *   view.labels, view.lang
   *   view.$(id)        an element of the view by id
   *   view.regions      { badges, tools, panel }: where an extension puts its parts (the panel
   *                     covers the view; view.showPanel(true) shows and focuses it)
   *   view.on(type, fn) 'connect' (slides, timings …), 'state' (every slide or step change:
   *                     id, index, state.indexf …), 'tick' (once a second), 'key' (a keydown;
   *                     return true to keep it from the presentation), 'message' (from the
   *                     extension's deck side)
   *   view.send(ext, message)  to the extension's deck side
   *   view.minutes(seconds)    "m:ss" or "h:mm:ss"
   *   view.now()       Date.now(), the clock the view's timers use
   */
  function speakerWindow(config) {
    var NS = 'talkdeck-speaker';
    // The deck's origin when served (see TARGET above), '*' from file://.
    var TARGET = config.target || '*';
    function ours(event) {
      return TARGET === '*' || event.origin === TARGET;
    }
    var L = config.labels;
    var $ = function (id) { return document.getElementById(id); };
    var status = $('td-status');
    var connected = false;
    var start = Date.now();
    var totalTime = null;
    var timings = [];
    var index = 0;
    var last = null;
    var frames = {};
    var STORAGE_KEY = 'talkdeck-speaker-notes-size';
    var listeners = { connect: [], state: [], tick: [], key: [], message: [] };
    function emit(type, data) {
      var consumed = false;
      listeners[type].forEach(function (fn) {
        if (fn(data) === true) consumed = true;
      });
      return consumed;
    }

    var clockFormat;
    try {
      clockFormat = new Intl.DateTimeFormat(config.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch (e) {
      clockFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }

    function toOpener(message) {
      if (window.opener && !window.opener.closed) window.opener.postMessage(JSON.stringify(Object.assign({ ns: NS }, message)), TARGET);
    }

    function minutes(seconds) {
      var s = Math.round(Math.abs(seconds));
      var h = Math.floor(s / 3600);
      var m = Math.floor((s % 3600) / 60);
      var rest = String(s % 60).padStart(2, '0');
      return h ? h + ':' + String(m).padStart(2, '0') + ':' + rest : m + ':' + rest;
    }

    function makeFrame(box, url, params) {
      var frame = document.createElement('iframe');
      frame.src = url + (url.indexOf('?') < 0 ? '?' : '&') + params;
      frame.title = box.querySelector('.td-label').textContent;
      frame.setAttribute('tabindex', '-1');
      box.querySelector('.td-frame').appendChild(frame);
      return frame;
    }

    function setupFrames(url, loadId) {
      if (frames.url === url && frames.loadId === loadId) return;
      ['td-current', 'td-next'].forEach(function (id) {
        var old = $(id).querySelector('iframe');
        if (old) old.remove();
      });
      var common = 'receiver&controls=false&progress=false&history=false&hash=false&respondToHashChanges=false&keyboard=false' +
        '&transition=none&backgroundTransition=none&autoSlide=0&help=false&overview=false&postMessage=true&postMessageEvents=true&minScale=0.05&slideNumber=false';
      frames = {
        url: url,
        loadId: loadId,
        current: makeFrame($('td-current'), url, common),
        next: makeFrame($('td-next'), url, common),
      };
    }

    function steer(frame, state, andNext) {
      if (!frame || !frame.contentWindow || !state) return;
      frame.contentWindow.postMessage(JSON.stringify({ method: 'setState', args: [state] }), TARGET);
      if (andNext) frame.contentWindow.postMessage(JSON.stringify({ method: 'next' }), TARGET);
    }

    function showState(data) {
      last = data;
      index = data.index;
      var number = data.label || String(data.index + 1);
      $('td-position').textContent = L.slide + ' ' + number + (data.backup ? '' : ' ' + L.of + ' ' + data.total) + (data.title ? ' · ' + data.title : '');
      var notes = $('td-notes');
      notes.innerHTML = data.notes || '';
      notes.classList.toggle('empty', !data.notes);
      if (!data.notes) notes.textContent = L.noNotes;
      notes.scrollTop = 0;
      $('td-next-title').textContent = data.hasNext && data.nextTitle ? '· ' + data.nextTitle : '';
      $('td-end').hidden = Boolean(data.hasNext);
      $('td-next').querySelector('.td-frame').hidden = !data.hasNext;
      // The previews never show lightboxes or the overview.
      var state = Object.assign({}, data.state, { overview: false, previewIframe: undefined, previewImage: undefined, previewVideo: undefined });
      steer(frames.current, state, false);
      steer(frames.next, state, true);
      tick();
      emit('state', data);
    }

    function tick() {
      var now = Date.now();
      emit('tick', (now - start) / 1000);
      var elapsed = (now - start) / 1000;
      $('td-clock').textContent = clockFormat.format(new Date(now));
      $('td-elapsed').textContent = minutes(elapsed);
      var left = $('td-left');
      if (totalTime) {
        $('td-duration').textContent = L.of + ' ' + minutes(totalTime);
        var rest = totalTime - elapsed;
        left.textContent = rest >= 0 ? minutes(rest) + ' ' + L.remaining : minutes(rest) + ' ' + L.overtime;
        left.classList.toggle('over', rest < 0);
      }
      var known = timings.length && timings.every(function (t) { return typeof t === 'number'; });
      $('td-pacing-label').hidden = !known;
      $('td-pacing').hidden = !known;
      if (!known) return;
      // Planned time at the end of the current slide, and at its start.
      var end = 0;
      for (var i = 0; i <= index && i < timings.length; i++) end += timings[i];
      var begin = end - (timings[index] || 0);
      var pacing = $('td-pacing');
      if (elapsed > end) {
        pacing.textContent = minutes(elapsed - end) + ' ' + L.behind;
        pacing.className = 'behind';
      } else if (elapsed < begin) {
        pacing.textContent = minutes(begin - elapsed) + ' ' + L.ahead;
        pacing.className = 'ahead';
      } else {
        pacing.textContent = L.onTime;
        pacing.className = 'on-time';
      }
    }

    function setNotesSize(px) {
      var size = Math.max(16, Math.min(72, px));
      document.documentElement.style.setProperty('--notes-size', size + 'px');
      try {
        localStorage.setItem(STORAGE_KEY, String(size));
      } catch (e) {
        /* storage may be unavailable for file:// pages; the size then lasts for this window */
      }
      return size;
    }

    var notesSize = 30;
    try {
      notesSize = Number(localStorage.getItem(STORAGE_KEY)) || 30;
    } catch (e) {
      notesSize = 30;
    }
    notesSize = setNotesSize(notesSize);
    $('td-larger').addEventListener('click', function () { notesSize = setNotesSize(notesSize + 4); });
    $('td-smaller').addEventListener('click', function () { notesSize = setNotesSize(notesSize - 4); });
    $('td-backup').addEventListener('click', function () { toOpener({ type: 'backup' }); });
    $('td-reset').addEventListener('click', function () {
      start = Date.now();
      tick();
    });

    window.addEventListener('message', function (event) {
      var data;
      try {
        data = typeof event.data === 'string' ? JSON.parse(event.data) : null;
      } catch (e) {
        return;
      }
      if (!data || !ours(event)) return;
      if (event.source === window.opener && data.ns === NS) {
        if (data.type === 'connect') {
          if (!connected) start = Date.now();
          connected = true;
          status.hidden = true;
          totalTime = data.totalTime;
          timings = data.timings || [];
          $('td-backup').hidden = !data.appendix;
          setupFrames(data.url, data.loadId);
          toOpener({ type: 'connected' });
          emit('connect', data);
        } else if (data.type === 'state' && connected) {
          showState(data);
        } else if (data.type === 'ext') {
          emit('message', data);
        }
        return;
      }
      // A preview finished loading: give it the current slide.
      if (data.namespace === 'reveal' && data.eventName === 'ready' && last) {
        if (event.source === (frames.current && frames.current.contentWindow)) steer(frames.current, last.state, false);
        if (event.source === (frames.next && frames.next.contentWindow)) steer(frames.next, last.state, true);
      }
    });

    // Keys go to the presentation, so a presenter's remote works with this window in front.
    // F5 / Ctrl+R would blank this window: it has no address to reload from.
    document.addEventListener('keydown', function (event) {
      if ((event.key === 'F5') || ((event.ctrlKey || event.metaKey) && event.key === 'r')) {
        event.preventDefault();
        return;
      }
      if (event.target && event.target.tagName === 'BUTTON' && (event.key === 'Enter' || event.key === ' ')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (emit('key', event)) {
        event.preventDefault();
        return;
      }
      toOpener({ type: 'key', keyCode: event.keyCode });
      event.preventDefault();
    });

    setInterval(function () {
      if (!window.opener || window.opener.closed) {
        status.textContent = L.lost;
        status.hidden = false;
        return;
      }
      toOpener({ type: 'heartbeat' });
      tick();
    }, 1000);
    tick();

    var panel = $('td-panel');
    return {
      config: config.data || {},
      labels: L,
      lang: config.lang,
      $: $,
      regions: { badges: $('td-badges'), tools: $('td-tools'), panel: panel },
      on: function (type, fn) {
        if (listeners[type]) listeners[type].push(fn);
      },
      send: function (ext, message) {
        toOpener(Object.assign({}, message, { type: 'ext', ext: ext }));
      },
      showPanel: function (show) {
        panel.hidden = !show;
        if (show) panel.focus();
      },
      minutes: minutes,
      now: function () {
        return Date.now();
      },
    };
  }

  root.TalkdeckSpeakerWindow = { page: speakerPage };
})(typeof window !== 'undefined' ? window : this);
