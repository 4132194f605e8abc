/*
 * talkdeck rehearsal mode: a speaker-view extension (speaker-view.js documents the contract).
 * R (or the Rehearse button) starts timing every slide and fragment step, W pauses (paused time
 * is not counted), R again finishes. Going back adds to the slide's time and counts a visit.
 * The summary compares each slide and section with the estimate, the total with the slot, and
 * measures the speaker's words per minute; it then saves the record
 * (src/core/deck/rehearsal.ts): under `talkdeck serve` into the deck folder's rehearsals/ (the
 * deck side posts it to the server's own endpoint with the token the server gave the page),
 * elsewhere as a download of the same JSON.
 *
 * The recording lives in the speaker view, so it survives a reload of the presentation (serve
 * reloads it on every save). Data from the build: `speakerView.rehearsal` (per slide id,
 * section, estimate, words of notes, fingerprint); labels: `speakerView.labels.rehearsal`.
 *
 * This file is inlined by the single-file export: it must never contain a closing script tag.
 */
(function (root) {
  'use strict';

  root.TalkdeckSpeakerExtensions = root.TalkdeckSpeakerExtensions || [];
  root.TalkdeckSpeakerExtensions.push({
    id: 'rehearsal',
    css: [
      '#td-rh-badge{background:#b3261e}#td-rh-badge.paused{background:#7a5a00}',
      '#td-rh-summary{max-width:1100px;margin:0 auto;font-size:17px}',
      '.td-rh-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px 16px}',
      '.td-rh-head h2{margin:0;font-size:24px}.td-rh-head p{display:flex;gap:8px;margin:0}',
      '.td-rh-figures{display:flex;flex-wrap:wrap;gap:4px 32px;margin:10px 0}',
      '.td-rh-figures dt{font-size:13px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#a9b1bd}',
      '.td-rh-figures dd{margin:0;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}',
      '.td-rh-figures small{font-size:16px;font-weight:400;color:#c9d1dc}',
      '#td-rh-status{margin:0 0 8px;min-height:1.35em;color:#c9d1dc}#td-rh-status.failed{color:#ff8a80}',
      '#td-rh-summary table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}',
      '#td-rh-summary th,#td-rh-summary td{padding:3px 10px;text-align:right;border-bottom:1px solid #2c313b}',
      '#td-rh-summary th:first-child,#td-rh-summary td:first-child{text-align:left;width:55%}',
      '#td-rh-summary thead th{position:sticky;top:-16px;background:#16181d;font-size:13px;letter-spacing:.04em;text-transform:uppercase;color:#a9b1bd}',
      '#td-rh-summary tbody th{font-weight:400}',
      '#td-rh-summary tr.td-rh-section>*{padding-top:12px;font-weight:700;border-bottom-color:#5f6673}',
      '.td-rh-label{display:inline-block;min-width:2.2em;color:#a9b1bd;font-variant-numeric:tabular-nums}',
      '#td-rh-summary tfoot th,#td-rh-summary tfoot td{font-weight:700;border-top:2px solid #5f6673}',
      '.td-rh-over{color:#ff8a80}.td-rh-under{color:#8ab4f8}.td-rh-none{color:#a9b1bd}',
    ].join(''),

    /** In the presentation: the R and W keys, and saving through talkdeck serve. */
    deck: function (api) {
      var L = ((api.reveal.getConfig().speakerView || {}).labels || {}).rehearsal || {};
      // R may open the speaker view, which then needs a moment: the command waits for its hello,
      // but not for long (a blocked popup opened minutes later must not start a rehearsal).
      // Commands carry an id unique across reloads of this page, so the view runs each once.
      var pending = null;
      var seq = 0;
      var load = Math.random().toString(36).slice(2);
      api.reveal.addKeyBinding({ keyCode: 82, key: 'R', description: L.keyRehearse || 'Rehearse' }, function () {
        var view = api.reveal.getPlugin('talkdeck-speaker-view');
        if (view) view.open();
        pending = { kind: 'toggle', seq: load + '-' + ++seq, at: Date.now() };
        api.send(pending);
      });
      api.reveal.addKeyBinding({ keyCode: 87, key: 'W', description: L.keyPause || 'Pause the rehearsal' }, function () {
        api.send({ kind: 'pause' });
      });

      /** The endpoint and token talkdeck serve put into this page; none in a built deck. */
      function saveTarget() {
        var block = document.getElementById('talkdeck-rehearsal-save');
        try {
          return block ? JSON.parse(block.textContent) : null;
        } catch (e) {
          return null;
        }
      }

      function save(record) {
        var target = saveTarget();
        var failed = function (reason) {
          api.send({ kind: 'save-failed', reason: reason });
        };
        if (!target) return failed('no server');
        var headers = { 'Content-Type': 'application/json' };
        headers[target.header] = target.token;
        fetch(target.url, { method: 'POST', headers: headers, body: record, credentials: 'same-origin', cache: 'no-store' })
          .then(function (response) {
            return response.json().then(function (body) {
              if (response.ok && body.file) api.send({ kind: 'saved', file: body.file });
              else failed((body && body.error) || String(response.status));
            });
          })
          .catch(function (error) {
            failed(String((error && error.message) || error));
          });
      }

      api.onMessage(function (message) {
        if (message.kind === 'hello') {
          api.send({ kind: 'welcome', canSave: Boolean(saveTarget()) });
          if (pending && Date.now() - pending.at < 10000) api.send(pending);
        } else if (message.kind === 'ack') {
          if (pending && pending.seq === message.seq) pending = null;
        } else if (message.kind === 'save' && typeof message.record === 'string') {
          save(message.record);
        }
      });
    },

    /** In the speaker view: the recorder, its buttons and badge, and the summary. */
    popup: function (view) {
      var C = view.config.rehearsal || { slides: [], sections: [] };
      var L = view.labels.rehearsal || {};
      var byId = {};
      C.slides.forEach(function (s) {
        byId[s.id] = s;
      });
      var slides = [];
      var totalTime = null;
      var canSave = false;
      var handled = {};
      var position = null;
      var run = null;
      var result = null;

      function fill(text, values) {
        return String(text).replace(/\{(\w+)\}/g, function (all, key) {
          return key in values ? values[key] : all;
        });
      }
      function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
          node.setAttribute(name, attrs[name]);
        });
        if (text !== undefined) node.textContent = text;
        return node;
      }
      var r1 = function (x) {
        return Math.round(x * 10) / 10;
      };
      var signed = function (seconds) {
        var s = Math.round(seconds);
        return (s > 0 ? '+' : s < 0 ? '\u2212' : '\u00b1') + view.minutes(s);
      };

      // Tools: Rehearse / Finish, Pause / Resume, Last rehearsal; a badge while recording.
      var toggle = el('button', { type: 'button', id: 'td-rh-toggle', 'aria-keyshortcuts': 'R' });
      var pause = el('button', { type: 'button', id: 'td-rh-pause', 'aria-keyshortcuts': 'W', hidden: '' });
      var again = el('button', { type: 'button', id: 'td-rh-result', hidden: '' }, L.result);
      var badge = el('span', { id: 'td-rh-badge', class: 'td-badge', hidden: '' });
      view.regions.tools.appendChild(toggle);
      view.regions.tools.appendChild(pause);
      view.regions.tools.appendChild(again);
      view.regions.badges.appendChild(badge);
      toggle.addEventListener('click', function () {
        flip();
      });
      pause.addEventListener('click', function () {
        hold();
      });
      again.addEventListener('click', function () {
        if (result) showSummary();
      });

      function refresh() {
        var paused = Boolean(run && run.pausedAt !== null);
        toggle.textContent = (run ? L.finish : L.rehearse) + ' (R)';
        pause.hidden = !run;
        pause.textContent = (paused ? L.resume : L.pause) + ' (W)';
        again.hidden = Boolean(run) || !result;
        badge.hidden = !run;
        badge.classList.toggle('paused', paused);
        if (run) badge.textContent = (paused ? L.paused : '\u25cf ' + L.recording) + ' ' + view.minutes(counted());
      }

      // The recording: per slide its seconds, visits and steps; a segment runs from the last
      // change (of slide, step or pause) to now.
      function step(state) {
        var f = state && state.state && state.state.indexf;
        return typeof f === 'number' && f >= 0 ? f + 1 : 0;
      }
      function counted() {
        return run.total + (run.pausedAt === null && run.at ? (view.now() - run.since) / 1000 : 0);
      }
      function closeSegment() {
        if (!run.at || run.pausedAt !== null) return;
        var now = view.now();
        var seconds = (now - run.since) / 1000;
        var times = run.slides[run.at.id];
        times.seconds += seconds;
        times.steps[run.at.step] = (times.steps[run.at.step] || 0) + seconds;
        run.total += seconds;
        run.since = now;
      }
      function enter(at) {
        if (!at || !at.id) return;
        var times = run.slides[at.id];
        if (!times) {
          times = run.slides[at.id] = { seconds: 0, visits: 0, steps: [] };
          run.order.push(at.id);
        }
        if (!run.at || run.at.id !== at.id) times.visits++;
        run.at = at;
        run.since = view.now();
      }

      function start() {
        // The view's own clock starts with the rehearsal: the talk begins now.
        view.$('td-reset').click();
        run = { began: view.now(), since: view.now(), total: 0, slides: {}, order: [], pauses: [], pausedAt: null, at: null };
        enter(position);
        refresh();
      }
      function hold() {
        if (!run) return;
        var now = view.now();
        if (run.pausedAt === null) {
          closeSegment();
          run.pausedAt = now;
        } else {
          run.pauses.push({ slide: (run.at && run.at.id) || (position && position.id) || '-', seconds: (now - run.pausedAt) / 1000 });
          run.pausedAt = null;
          run.since = now;
        }
        refresh();
      }
      function finish() {
        if (run.pausedAt !== null) hold();
        closeSegment();
        result = record(run);
        run = null;
        refresh();
        showSummary();
      }
      function flip() {
        if (run) finish();
        else start();
      }

      /** The record as core/deck/rehearsal.ts defines it: ids, fingerprints, times; nothing personal. */
      function record(r) {
        var timed = r.order.filter(function (id) {
          return byId[id];
        });
        var paused = r.pauses.reduce(function (sum, p) {
          return sum + p.seconds;
        }, 0);
        return {
          format: C.format,
          version: C.version,
          deck: C.deck,
          talkdeck: C.talkdeck,
          recorded: new Date(r.began).toISOString().replace(/\.\d+Z$/, 'Z'),
          total: r1(r.total),
          paused: r1(paused),
          pauses: r.pauses.map(function (p) {
            return { slide: p.slide, seconds: r1(p.seconds) };
          }),
          slides: timed.map(function (id) {
            var t = r.slides[id];
            var steps = [];
            for (var i = 0; i < t.steps.length; i++) steps.push(r1(t.steps[i] || 0));
            return { id: id, fingerprint: byId[id].fingerprint, words: byId[id].words, seconds: r1(t.seconds), visits: t.visits, steps: steps };
          }),
        };
      }

      /** Words per minute as core/model/rehearsals.ts measures them (recordPace). */
      function pace(rec) {
        var words = 0;
        var seconds = 0;
        rec.slides.forEach(function (s) {
          var speaking = s.seconds - C.secondsPerSlide;
          if (!s.words || speaking <= 0 || (s.words * 60) / speaking > 400) return;
          words += s.words;
          seconds += speaking;
        });
        return words && seconds ? Math.round((words * 60) / seconds) : null;
      }

      function showSummary() {
        var rec = result;
        var panel = view.regions.panel;
        var times = {};
        rec.slides.forEach(function (s) {
          times[s.id] = s.seconds;
        });
        var began = new Date(Date.parse(rec.recorded));
        var when;
        try {
          when = new Intl.DateTimeFormat(view.lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(began);
        } catch (e) {
          when = rec.recorded;
        }
        var box = el('div', { id: 'td-rh-summary', role: 'dialog', 'aria-labelledby': 'td-rh-title' });
        var head = el('div', { class: 'td-rh-head' });
        head.appendChild(el('h2', { id: 'td-rh-title' }, fill(L.title, { date: when })));
        var buttons = el('p');
        var keep = el('button', { type: 'button', id: 'td-rh-save' }, canSave ? L.save : L.download);
        var shut = el('button', { type: 'button', id: 'td-rh-close' }, L.close);
        buttons.appendChild(keep);
        buttons.appendChild(shut);
        head.appendChild(buttons);
        box.appendChild(head);

        var main = C.slides.filter(function (s) {
          return s.section >= 0;
        });
        var planned = main.reduce(function (sum, s) {
          return sum + s.estimate;
        }, 0);
        var figures = el('dl', { class: 'td-rh-figures' });
        var figure = function (label, value, note, cls) {
          var item = el('div');
          item.appendChild(el('dt', {}, label));
          var dd = el('dd', cls ? { class: cls } : {}, value);
          if (note) dd.appendChild(el('small', {}, ' ' + note));
          item.appendChild(dd);
          figures.appendChild(item);
        };
        var rest = totalTime ? totalTime - rec.total : null;
        figure(
          L.total,
          view.minutes(rec.total),
          totalTime ? view.labels.of + ' ' + view.minutes(totalTime) + ' \u00b7 ' + view.minutes(rest) + ' ' + (rest >= 0 ? view.labels.remaining : view.labels.overtime) : '',
          rest !== null && rest < 0 ? 'td-rh-over' : '',
        );
        figure(L.estimate, view.minutes(planned));
        var wpm = pace(rec);
        figure(L.pace, wpm ? fill(L.wordsPerMinute, { n: wpm }) : L.noPace, wpm ? '(' + fill(L.paceAssumed, { n: C.wordsPerMinute }) + ')' : '');
        figure(L.pauses, rec.pauses.length ? fill(L.pausesText, { n: rec.pauses.length, time: view.minutes(rec.paused) }) : L.noPauses);
        box.appendChild(figures);
        var status = el('p', { id: 'td-rh-status', role: 'status' });
        box.appendChild(status);

        var table = el('table');
        var row = function (parent, cells, attrs) {
          var tr = el('tr', attrs || {});
          cells.forEach(function (cell, i) {
            var node = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {});
            if (cell.label) node.appendChild(el('span', { class: 'td-rh-label' }, cell.label));
            node.appendChild(document.createTextNode(cell.text));
            if (cell.cls) node.className = cell.cls;
            tr.appendChild(node);
          });
          parent.appendChild(tr);
        };
        var head2 = el('thead');
        var tr = el('tr');
        [L.slide, L.estimate, L.rehearsed, L.difference].forEach(function (text) {
          tr.appendChild(el('th', { scope: 'col' }, text));
        });
        head2.appendChild(tr);
        table.appendChild(head2);
        var diff = function (seconds, estimate) {
          if (seconds === undefined) return { text: '', cls: 'td-rh-none' };
          return { text: signed(seconds - estimate), cls: seconds - estimate >= 0.5 ? 'td-rh-over' : seconds - estimate <= -0.5 ? 'td-rh-under' : '' };
        };
        var took = function (seconds) {
          return seconds === undefined ? { text: L.notReached, cls: 'td-rh-none' } : { text: view.minutes(seconds) };
        };
        var named = {};
        slides.forEach(function (s) {
          named[s.id] = { label: s.label, text: s.title || s.id };
        });
        // Sections in deck order; the backup part only for slides the rehearsal reached.
        var groups = [];
        C.slides.forEach(function (s) {
          if (s.section < 0 && times[s.id] === undefined) return;
          var last = groups[groups.length - 1];
          if (!last || last.section !== s.section) groups.push((last = { section: s.section, slides: [] }));
          last.slides.push(s);
        });
        var many = C.sections.length > 1 || groups.some(function (g) {
          return g.section < 0;
        });
        groups.forEach(function (g) {
          var body = el('tbody');
          if (many) {
            var name = g.section < 0 ? view.labels.backup : C.sections[g.section] || L.beforeSections;
            var estimate = 0;
            var seconds;
            g.slides.forEach(function (s) {
              estimate += s.estimate;
              if (times[s.id] !== undefined) seconds = (seconds || 0) + times[s.id];
            });
            row(body, [{ text: name }, { text: view.minutes(estimate) }, took(seconds), diff(seconds, estimate)], { class: 'td-rh-section' });
          }
          g.slides.forEach(function (s) {
            row(body, [named[s.id] || { text: s.id }, { text: view.minutes(s.estimate) }, took(times[s.id]), diff(times[s.id], s.estimate)]);
          });
          table.appendChild(body);
        });
        var foot = el('tfoot');
        row(foot, [{ text: L.total }, { text: view.minutes(planned) }, { text: view.minutes(rec.total) }, diff(rec.total, planned)]);
        table.appendChild(foot);
        box.appendChild(table);

        keep.addEventListener('click', function () {
          var json = JSON.stringify(rec);
          status.classList.remove('failed');
          if (canSave) {
            keep.disabled = true;
            status.textContent = L.saving;
            view.send('rehearsal', { kind: 'save', record: json });
            return;
          }
          // A download of the same JSON: from file:// and the single file there is no server.
          var p = function (n) {
            return String(n).padStart(2, '0');
          };
          var stamp = began.getFullYear() + '-' + p(began.getMonth() + 1) + '-' + p(began.getDate()) + '_' + p(began.getHours()) + '-' + p(began.getMinutes()) + '-' + p(began.getSeconds());
          var name = String(C.deck).replace(/[^\w.-]+/g, '-') + '-rehearsal-' + stamp + '.json';
          var link = el('a', { download: name, href: URL.createObjectURL(new Blob([json + '\n'], { type: 'application/json' })) });
          document.body.appendChild(link);
          link.click();
          setTimeout(function () {
            URL.revokeObjectURL(link.href);
            link.remove();
          }, 60000);
          status.textContent = fill(L.downloaded, { file: name });
        });
        shut.addEventListener('click', hideSummary);
        panel.textContent = '';
        panel.appendChild(box);
        view.showPanel(true);
      }

      function ownsPanel() {
        return !view.regions.panel.hidden && Boolean(view.$('td-rh-summary'));
      }
      function hideSummary() {
        if (!ownsPanel()) return;
        view.showPanel(false);
        view.regions.panel.textContent = '';
        (again.hidden ? toggle : again).focus();
      }

      view.on('connect', function (data) {
        slides = data.slides || [];
        totalTime = data.totalTime || null;
        view.send('rehearsal', { kind: 'hello' });
      });
      view.on('state', function (data) {
        position = { id: data.id, step: step(data) };
        if (!run) return;
        closeSegment();
        enter(position);
        refresh();
      });
      view.on('tick', function () {
        if (run) refresh();
      });
      view.on('message', function (m) {
        if (m.kind === 'welcome') {
          canSave = Boolean(m.canSave);
        } else if (m.kind === 'toggle' || m.kind === 'pause') {
          if (m.seq) {
            view.send('rehearsal', { kind: 'ack', seq: m.seq });
            if (handled[m.seq]) return;
            handled[m.seq] = true;
          }
          if (m.kind === 'toggle') flip();
          else hold();
        } else if (m.kind === 'saved' || m.kind === 'save-failed') {
          var status = view.$('td-rh-status');
          if (!status) return;
          status.textContent = m.kind === 'saved' ? fill(L.saved, { file: m.file }) : fill(L.saveFailed, { reason: m.reason });
          status.classList.toggle('failed', m.kind !== 'saved');
          view.$('td-rh-save').disabled = m.kind === 'saved';
        }
      });
      view.on('key', function (event) {
        var key = (event.key || '').toLowerCase();
        if (ownsPanel() && event.key === 'Escape') {
          hideSummary();
          return true;
        }
        if (ownsPanel() && event.key === 'Tab') {
          // The summary is a dialog: Tab cycles through its buttons.
          var buttons = Array.prototype.slice.call(view.regions.panel.querySelectorAll('button:not([disabled])'));
          var at = buttons.indexOf(document.activeElement);
          var next = event.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
          if (buttons[next]) buttons[next].focus();
          return true;
        }
        if (key === 'r') {
          flip();
          return true;
        }
        if (key === 'w' && run) {
          hold();
          return true;
        }
        return false;
      });
      refresh();
    },
  });
})(typeof window !== 'undefined' ? window : this);
