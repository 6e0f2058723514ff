// Puppeteer must never download a browser at install time: that host is not reachable here.
// mujaz finds a browser itself (see src/pdf/browser-path.ts).
module.exports = { skipDownload: true };
