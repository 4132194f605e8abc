/*
 * talkdeck fit: a slide whose content is taller than its box is shrunk to fit, in 5 % steps down
 * to half size — the rule the PowerPoint export applies to every text box — instead of being
 * cut off at the bottom. Only what overflows changes; the title keeps its size. Beyond half size
 * the rest is cut off, and `talkdeck check` has said so (`overflow-estimate`).
 *
 * The browser measures: every slide once, when the page and its fonts and pictures are ready
 * (hidden slides are shown for the moment of measuring), in the presentation, the speaker
 * view's previews and the print view `talkdeck pdf` prints from; `window.__talkdeckFitted`
 * tells the printer it is done. `zoom` shrinks everything in an element alike — text, gaps,
 * pictures — and lets its text wrap at the full width. A classic script (no modules: it must
 * run from file://).
 */
(function (root) {
  'use strict';

  var STEP = 0.05;
  var SMALLEST = 0.5;
  /** Air kept above a summary box, as in the layouts' own measures (model/fit.ts). */
  var GAP = 12;

  function TalkdeckFit() {
    return {
      id: 'talkdeck-fit',
      init: function (deck) {
        // The print view lays its pages out after `ready`: measure them once they are there.
        var print = typeof deck.isPrintView === 'function' && deck.isPrintView();
        deck.on(print ? 'pdf-ready' : 'ready', function () {
          var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
          fonts
            .then(function () {
              return Promise.all(
                Array.prototype.map.call(deck.getRevealElement().querySelectorAll('.slides img'), function (img) {
                  return img.decode ? img.decode().catch(function () {}) : null;
                }),
              );
            })
            .then(function () {
              var changed = false;
              deck.getSlides().forEach(function (slide) {
                changed = fitSlide(slide, deck.getConfig().height) || changed;
              });
              if (changed && !print) deck.layout();
            })
            .catch(function () {})
            .then(function () {
              root.__talkdeckFitted = true;
            });
        });
      },
    };
  }

  /** Layouts whose drawing is sized to the room it has when the deck is built (model/layouts/). */
  var DRAWN = /(^|\s)td-layout-(chart|map|image)(\s|$)/;

  /** Shrinks one slide's body until it fits; whether anything changed. */
  function fitSlide(slide, slideHeight) {
    if (DRAWN.test(slide.className)) return false;
    return whileShown(slide, function () {
      var body = Array.prototype.filter.call(slide.children, function (el) {
        if (el.tagName === 'ASIDE' || el.classList.contains('td-title')) return false;
        var position = getComputedStyle(el).position;
        return position !== 'absolute' && position !== 'fixed';
      });
      if (!body.length) return false;
      var scale = 1;
      while (overflows(slide, body, slideHeight) && scale - STEP >= SMALLEST - 1e-9) {
        scale = Math.round((scale - STEP) * 100) / 100;
        body.forEach(function (el) {
          el.style.zoom = String(scale);
        });
      }
      if (scale < 1) slide.setAttribute('data-td-fit', String(scale));
      return scale < 1;
    });
  }

  /**
   * Whether a word is wider than its box (a long German compound in a figure card): text that
   * runs out of its box sideways. Boxes that scroll or clip (code, wide tables) are theirs to handle.
   */
  function tooWide(body) {
    return body.some(function (el) {
      return [el].concat(Array.prototype.slice.call(el.querySelectorAll('*'))).some(function (box) {
        if (!box.clientWidth || box.closest('pre, table, svg, .katex')) return false;
        if (getComputedStyle(box).overflowX !== 'visible') return false;
        return box.scrollWidth > box.clientWidth + 1;
      });
    });
  }

  /**
   * Whether the body reaches below the room it has (above the summary box, else the bottom
   * padding), or a word in it is wider than its box.
   */
  function overflows(slide, body, slideHeight) {
    if (tooWide(body)) return true;
    // A reveal-md slide is as tall as its content (reveal.js centres it): too tall is too much.
    if (slide.closest('.td-dialect-markdown') && !slide.closest('.pdf-page')) return slide.offsetHeight > slideHeight + 1;
    var box = slide.getBoundingClientRect();
    // Screen pixels per slide pixel: reveal.js scales the whole presentation to the window.
    var k = slide.offsetHeight ? box.height / slide.offsetHeight : 1;
    var bottom = 0;
    body.forEach(function (el) {
      bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
    });
    var summary = slide.querySelector(':scope > .td-summary');
    var room = summary ? summary.getBoundingClientRect().top - GAP * k : box.bottom - parseFloat(getComputedStyle(slide).paddingBottom) * k;
    return bottom > room + 2 * k;
  }

  /** Runs `measure` with the slide (and the stack it is in) laid out, then hides it again. */
  function whileShown(slide, measure) {
    var hidden = [];
    for (var el = slide; el && el.tagName === 'SECTION'; el = el.parentElement) {
      if (getComputedStyle(el).display === 'none') {
        hidden.push([el, el.style.display]);
        el.style.display = 'block';
      }
    }
    try {
      return measure();
    } finally {
      hidden.forEach(function (entry) {
        entry[0].style.display = entry[1];
      });
    }
  }

  root.TalkdeckFit = TalkdeckFit;
})(typeof window !== 'undefined' ? window : this);
