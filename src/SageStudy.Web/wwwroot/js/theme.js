/* SageStudy: apply the reader's saved theme before the first paint.
   Loaded synchronously in <head>, after the highlight.js theme links.
   data-theme="light" | "dark" on <html>; no attribute = follow prefers-color-scheme. */
(function () {
  'use strict';
  var theme = null;
  try {
    theme = window.localStorage.getItem('sagestudy-theme');
  } catch (e) {
    /* storage blocked: follow the OS setting */
  }
  if (theme !== 'light' && theme !== 'dark') {
    return;
  }
  document.documentElement.setAttribute('data-theme', theme);
  var light = document.getElementById('hljs-light');
  var dark = document.getElementById('hljs-dark');
  if (light && dark) {
    light.media = theme === 'light' ? 'all' : 'not all';
    dark.media = theme === 'dark' ? 'all' : 'not all';
  }
})();
