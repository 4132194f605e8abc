/*
 * talkdeck speaker view: change marks, in a build made with `--since <revision>` (and only
 * there: the presentation itself is never marked). An extension of speaker-view.js (see the
 * top of that file): in the speaker view, a badge beside "Slide 3 of 26" says how the current
 * slide changed ("geändert seit v1-approved"), the words added to its notes are highlighted, and
 * the button "Changes" (or the key D) lists every changed slide; choosing one goes there.
 * Everything is worded at build time in the deck's language (`speakerView.changes` in the page's
 * config, labels in `speakerView.labels.changes`); this file only shows it.
 *
 * `popup` is copied into the speaker view as source: it uses nothing from this file's scope.
 * This file is inlined by the single-file export: it must never contain a closing script tag.
 */
(function (root) {
  'use strict';

  var ext = {
    id: 'changes',
    css: [
      '.td-change-badge.td-change-changed{background:#8a6100;color:#fff}',
      '.td-change-badge.td-change-added{background:#1c6b2c;color:#fff}',
      '.td-change-badge.td-change-moved{background:#1d5c8c;color:#fff}',
      '.td-change-badge.td-change-removed{background:#5f6673;color:#fff}',
      '#td-notes mark.td-changed{background:#f4d35e;color:#16181d;border-radius:2px;padding:0 .1em}',
      '.td-changes-head{display:flex;justify-content:space-between;align-items:center;gap:16px;margin-bottom:12px}',
      '.td-changes-head h2{margin:0;font-size:22px}',
      '.td-changes-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}',
      '.td-changes-list button,.td-changes-list .td-changes-gone{display:flex;gap:12px;align-items:baseline;width:100%;text-align:left;font-size:18px;padding:6px 10px}',
      '.td-changes-list .td-changes-gone{color:#a9b1bd;border:1px dashed #5f6673;border-radius:4px}',
      '.td-changes-list [aria-current=true]{border-color:#8ab4f8;background:#2b3a52}',
      '.td-changes-label{min-width:2.5em;font-weight:700;font-variant-numeric:tabular-nums}',
      '.td-changes-list .td-change-badge{min-width:7.5em;text-align:center}',
      '#td-change-detail{font-size:14px;color:#c8ced8;align-self:center}',
      '.td-changes-title{flex:1}',
      '.td-changes-detail{color:#c8ced8;font-size:15px}',
    ].join(''),

    /** In the presentation: D opens the speaker view on the list; the list's choice goes to its slide. */
    deck: function (api) {
      var reveal = api.reveal;
      var labels = ((reveal.getConfig().speakerView || {}).labels || {}).changes || {};
      var pending = false;
      reveal.addKeyBinding({ keyCode: 68, key: 'D', description: labels.help || 'List the changed slides' }, function () {
        var view = reveal.getPlugin('talkdeck-speaker-view');
        if (view) view.open();
        pending = true;
        api.send({ show: true });
      });
      // A speaker view that was not open yet asks once it runs (`ready`); it says when it showed the list.
      api.onMessage(function (message) {
        if (message.ready && pending) api.send({ show: true });
        if (message.shown) pending = false;
        if (typeof message.go === 'string') {
          var target = document.getElementById(message.go);
          if (!target || !target.classList.contains('td-slide')) return;
          var at = reveal.getIndices(target);
          reveal.slide(at.h, at.v, 0);
        }
      });
    },

    popup: function (view) {
      var data = view.config.changes;
      var L = view.labels.changes || {};
      if (!data) return;
      var current = null;
      var panel = view.regions.panel;

      var badge = document.createElement('span');
      badge.id = 'td-change-badge';
      badge.className = 'td-badge td-change-badge';
      badge.hidden = true;
      view.regions.badges.appendChild(badge);
      // What changed on this slide, beside the badge: "Punkt 5, Notizen".
      var detail = document.createElement('span');
      detail.id = 'td-change-detail';
      detail.hidden = true;
      view.regions.badges.appendChild(detail);

      var button = document.createElement('button');
      button.type = 'button';
      button.id = 'td-changes-button';
      button.setAttribute('aria-keyshortcuts', 'D');
      button.textContent = data.button;
      view.regions.tools.appendChild(button);

      function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      function open() {
        return !panel.hidden && panel.getAttribute('data-owner') === 'changes';
      }

      function entries() {
        return Array.prototype.slice.call(panel.querySelectorAll('button'));
      }

      function showList() {
        // Whoever shows the panel last owns it: cleared, then filled.
        panel.textContent = '';
        panel.setAttribute('data-owner', 'changes');
        panel.setAttribute('aria-labelledby', 'td-changes-heading');
        var head = el('div', 'td-changes-head');
        var heading = el('h2', '', data.heading);
        heading.id = 'td-changes-heading';
        var close = el('button', 'td-changes-close', L.close);
        close.type = 'button';
        close.addEventListener('click', hideList);
        head.appendChild(heading);
        head.appendChild(close);
        panel.appendChild(head);
        var list = el('ol', 'td-changes-list');
        data.list.forEach(function (entry) {
          var item = el('li');
          var row = entry.id ? el('button') : el('div', 'td-changes-gone');
          if (entry.id) {
            row.type = 'button';
            row.setAttribute('data-id', entry.id);
            if (entry.id === current) row.setAttribute('aria-current', 'true');
            row.addEventListener('click', function () {
              view.send('changes', { go: entry.id });
              hideList();
            });
          }
          row.appendChild(el('span', 'td-changes-label', entry.label));
          row.appendChild(el('span', 'td-badge td-change-badge td-change-' + (entry.id ? (data.slides[entry.id] || {}).status : 'removed'), entry.status));
          row.appendChild(el('span', 'td-changes-title', entry.title));
          if (entry.detail) row.appendChild(el('span', 'td-changes-detail', entry.detail));
          item.appendChild(row);
          list.appendChild(item);
        });
        panel.appendChild(list);
        view.showPanel(true);
        var first = panel.querySelector('[aria-current=true]') || panel.querySelector('.td-changes-list button');
        if (first) first.focus();
      }

      function hideList() {
        if (!open()) return;
        view.showPanel(false);
        panel.removeAttribute('data-owner');
        button.focus();
      }

      button.addEventListener('click', function () {
        if (open()) hideList();
        else showList();
      });

      view.on('connect', function () {
        view.send('changes', { ready: true });
      });

      view.on('state', function (state) {
        current = state.id;
        var entry = data.slides[state.id];
        badge.hidden = !entry;
        badge.textContent = entry ? entry.badge : '';
        badge.className = 'td-badge td-change-badge' + (entry ? ' td-change-' + entry.status : '');
        detail.hidden = !(entry && entry.detail);
        detail.textContent = entry && entry.detail ? entry.detail : '';
        // The notes as the build marked them: the words added since the earlier version.
        if (entry && entry.notes) view.$('td-notes').innerHTML = entry.notes;
      });

      view.on('message', function (message) {
        if (message.ext !== 'changes' || !message.show) return;
        showList();
        view.send('changes', { shown: true });
      });

      // While the list is open, arrows, Tab, Home and End move between its entries (Enter opens
      // one); Escape closes it. D toggles it.
      view.on('key', function (event) {
        var key = event.key;
        if ((key === 'd' || key === 'D') && !event.ctrlKey && !event.metaKey && !event.altKey) {
          if (open()) hideList();
          else showList();
          return true;
        }
        if (!open()) return false;
        if (key === 'Escape') {
          hideList();
          return true;
        }
        var list = entries();
        var at = list.indexOf(document.activeElement);
        var next = null;
        if (key === 'ArrowDown' || (key === 'Tab' && !event.shiftKey)) next = list[Math.min(list.length - 1, at + 1)];
        else if (key === 'ArrowUp' || (key === 'Tab' && event.shiftKey)) next = list[Math.max(0, at - 1)];
        else if (key === 'Home') next = list[0];
        else if (key === 'End') next = list[list.length - 1];
        else return false;
        if (next) next.focus();
        return true;
      });
    },
  };

  root.TalkdeckSpeakerExtensions = root.TalkdeckSpeakerExtensions || [];
  root.TalkdeckSpeakerExtensions.push(ext);
})(typeof window !== 'undefined' ? window : this);
