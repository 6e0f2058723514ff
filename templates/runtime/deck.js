/* Starts reveal.js for a mujaz deck. Static file (the Content-Security-Policy allows no inline script). */
(function () {
  'use strict';
  var root = document.documentElement;
  var rtl = root.getAttribute('dir') === 'rtl';
  var printing = /(^|[?&])print-pdf(&|$)/.test(window.location.search);
  var deck = document.querySelector('.reveal');

  // The exporter waits for this mark: reveal fires pdf-ready once the print layout is complete.
  Reveal.on('pdf-ready', function () {
    root.setAttribute('data-mujaz-pdf-ready', 'true');
  });

  Reveal.initialize({
    width: 1280,
    height: 720,
    // The PDF page is the slide size times (1 + margin): no margin there, so pages are exactly 16:9.
    margin: printing ? 0 : 0.04,
    rtl: rtl,
    hash: true,
    respondToHashChanges: true,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: false, // the deck prints its own, in its own digits
    center: false,
    transition: 'fade',
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    plugins: typeof RevealNotes !== 'undefined' ? [RevealNotes] : [],
  }).then(function () {
    var label = function (selector, key) {
      var el = deck.querySelector(selector);
      var text = deck.getAttribute('data-labels-' + key);
      if (el && text) el.setAttribute('aria-label', text);
    };
    // In RTL reveal's "left" control moves forward.
    label('.controls .navigate-left', rtl ? 'next' : 'prev');
    label('.controls .navigate-right', rtl ? 'prev' : 'next');
    label('.controls .navigate-up', 'up');
    label('.controls .navigate-down', 'down');
    label('.progress', 'progress');
    deck.setAttribute('aria-label', deck.getAttribute('data-labels-region') || '');
    deck.setAttribute('aria-roledescription', deck.getAttribute('data-labels-region') || '');
    root.setAttribute('data-mujaz-ready', 'true');
  });
})();
