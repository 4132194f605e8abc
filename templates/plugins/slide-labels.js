/*
 * talkdeck slide labels: reveal.js numbers every slide 1…n. A deck with backup slides (after a
 * section with `appendix: true`) numbers the talk 1…m of m and the backup part A, A1, A2, …
 * Each slide carries its label in `data-label` (written at build time); this plugin only shows
 * it, for the `c` and `c/t` formats (the vertical formats `h.v`/`h/v` stay reveal.js's own).
 * A classic script (no modules: it must run from file://).
 */
(function (root) {
  'use strict';

  function TalkdeckSlideLabels() {
    return {
      id: 'talkdeck-slide-labels',
      init: function (deck) {
        var options = deck.getConfig().talkdeck || {};
        var format = deck.getConfig().slideNumber;
        if (format === true) format = 'c/t';
        if (!options.appendix || (format !== 'c' && format !== 'c/t')) return;
        var total = options.mainSlides;
        deck.configure({
          slideNumber: function (slide) {
            var label = slide && slide.getAttribute('data-label');
            if (!label) return [deck.getSlidePastCount(slide) + 1];
            if (slide.hasAttribute('data-backup') || format === 'c') return [label];
            return [label, '/', total];
          },
        });
      },
    };
  }

  root.TalkdeckSlideLabels = TalkdeckSlideLabels;
})(typeof window !== 'undefined' ? window : this);
