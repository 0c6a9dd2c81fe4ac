// pa11y drives Chromium through puppeteer: use Debian's browser, never download one at install time.
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
};
