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
    // The progress bar is a real progressbar for assistive technology, read as the slide's own number.
    var progress = deck.querySelector('.progress');
    var updateProgress = function () {
      if (!progress) return;
      var present = deck.querySelector('.slides > section.present .footer-number');
      progress.setAttribute('role', 'progressbar');
      progress.setAttribute('aria-label', deck.getAttribute('data-labels-progress') || '');
      progress.setAttribute('aria-valuemin', '1');
      progress.setAttribute('aria-valuemax', String(Reveal.getTotalSlides()));
      progress.setAttribute('aria-valuenow', String(Reveal.getSlidePastCount() + 1));
      if (present) progress.setAttribute('aria-valuetext', present.textContent.trim());
    };
    updateProgress();
    Reveal.on('slidechanged', updateProgress);
    deck.setAttribute('aria-label', deck.getAttribute('data-labels-region') || '');
    deck.setAttribute('aria-roledescription', deck.getAttribute('data-labels-region') || '');
    root.setAttribute('data-mujaz-ready', 'true');
  });
})();
