/* SageStudy front-end behaviour. Classic script, no inline handlers (CSP: script-src 'self').
   - theme toggle (#theme-toggle), persisted in localStorage 'sagestudy-theme'
   - phone sidebar drawer (#nav-toggle -> #sidebar.open)
   - highlight.js on pre code[class*="language-"] (not mermaid)
   - copy buttons on code blocks (secure contexts only)
   - mermaid diagrams from <pre class="mermaid">source</pre>, redrawn when the theme changes
   - "On this page" highlighting of the heading being read */
(function () {
  'use strict';

  var STORAGE_KEY = 'sagestudy-theme';
  var root = document.documentElement;
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  /* ---------- theme ---------- */

  function savedTheme() {
    var t = root.getAttribute('data-theme');
    return t === 'light' || t === 'dark' ? t : null;
  }

  function isDark() {
    var t = savedTheme();
    if (t) {
      return t === 'dark';
    }
    return !!(darkQuery && darkQuery.matches);
  }

  function syncCodeTheme() {
    var light = document.getElementById('hljs-light');
    var dark = document.getElementById('hljs-dark');
    if (!light || !dark) {
      return;
    }
    var t = savedTheme();
    if (t) {
      light.media = t === 'light' ? 'all' : 'not all';
      dark.media = t === 'dark' ? 'all' : 'not all';
    } else {
      light.media = '(prefers-color-scheme: light)';
      dark.media = '(prefers-color-scheme: dark)';
    }
  }

  function syncToggle() {
    var btn = document.getElementById('theme-toggle');
    if (btn) {
      btn.setAttribute('aria-pressed', isDark() ? 'true' : 'false');
    }
  }

  function setTheme(theme) {
    root.setAttribute('data-theme', theme);
    try {
      window.localStorage.setItem(STORAGE_KEY, theme);
    } catch (e) {
      /* storage blocked: the choice lasts for this page only */
    }
    syncCodeTheme();
    syncToggle();
    renderMermaid();
  }

  var themeToggle = document.getElementById('theme-toggle');
  if (themeToggle) {
    themeToggle.addEventListener('click', function () {
      setTheme(isDark() ? 'light' : 'dark');
    });
  }
  if (darkQuery) {
    var onSchemeChange = function () {
      if (!savedTheme()) {
        syncToggle();
        renderMermaid();
      }
    };
    if (darkQuery.addEventListener) {
      darkQuery.addEventListener('change', onSchemeChange);
    } else if (darkQuery.addListener) {
      darkQuery.addListener(onSchemeChange);
    }
  }
  syncCodeTheme();
  syncToggle();

  /* ---------- sidebar drawer (small screens) ---------- */

  var navToggle = document.getElementById('nav-toggle');
  var sidebar = document.getElementById('sidebar');

  function drawerIsOpen() {
    return !!sidebar && sidebar.classList.contains('open');
  }

  function setDrawer(open, restoreFocus) {
    if (!navToggle || !sidebar) {
      return;
    }
    sidebar.classList.toggle('open', open);
    document.body.classList.toggle('nav-open', open);
    navToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) {
      var target = sidebar.querySelector('a[aria-current="page"]') || sidebar.querySelector('a, button, input');
      if (target) {
        target.focus({ preventScroll: false });
      }
    } else if (restoreFocus) {
      navToggle.focus();
    }
  }

  if (navToggle && sidebar) {
    navToggle.addEventListener('click', function (e) {
      e.stopPropagation();
      setDrawer(!drawerIsOpen(), false);
    });
    document.addEventListener('keydown', function (e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && drawerIsOpen()) {
        setDrawer(false, true);
      }
    });
    document.addEventListener('click', function (e) {
      if (drawerIsOpen() && !sidebar.contains(e.target) && !navToggle.contains(e.target)) {
        setDrawer(false, false);
      }
    });
    sidebar.addEventListener('click', function (e) {
      var link = e.target.closest ? e.target.closest('a[href]') : null;
      if (link && drawerIsOpen()) {
        setDrawer(false, false);
      }
    });
    var wide = window.matchMedia ? window.matchMedia('(min-width: 60rem)') : null;
    if (wide) {
      var onWide = function () {
        if (wide.matches && drawerIsOpen()) {
          setDrawer(false, false);
        }
      };
      if (wide.addEventListener) {
        wide.addEventListener('change', onWide);
      } else if (wide.addListener) {
        wide.addListener(onWide);
      }
    }
    /* keep the current note visible in a long sidebar */
    var current = sidebar.querySelector('a[aria-current="page"]');
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = current.offsetTop - sidebar.clientHeight / 3;
      if (top > 0) {
        sidebar.scrollTop = top;
      }
    }
  }

  /* ---------- code highlighting ---------- */

  function languageOf(code) {
    var m = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
    return m ? m[1].toLowerCase() : null;
  }

  if (window.hljs) {
    window.hljs.configure({ ignoreUnescapedHTML: true });
    var blocks = document.querySelectorAll('pre code[class*="language-"]');
    Array.prototype.forEach.call(blocks, function (code) {
      var lang = languageOf(code);
      if (!lang || lang === 'mermaid' || code.closest('pre.mermaid')) {
        return;
      }
      if (!window.hljs.getLanguage(lang)) {
        return; /* unknown language: leave it as plain, readable text */
      }
      try {
        window.hljs.highlightElement(code);
      } catch (e) {
        /* never let highlighting break the page */
      }
    });
  }

  /* ---------- copy buttons ---------- */

  if (navigator.clipboard && window.isSecureContext) {
    var pres = document.querySelectorAll('article pre:not(.mermaid), .unit-body pre:not(.mermaid)');
    Array.prototype.forEach.call(pres, function (pre) {
      var code = pre.querySelector('code');
      if (!code || pre.parentNode.classList.contains('code-block')) {
        return;
      }
      var wrap = document.createElement('div');
      wrap.className = 'code-block';
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'copy-button';
      btn.textContent = 'Copy';
      btn.setAttribute('aria-label', 'Copy code to clipboard');
      wrap.appendChild(btn);
      btn.addEventListener('click', function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          btn.textContent = 'Copied';
          btn.classList.add('copied');
          window.setTimeout(function () {
            btn.textContent = 'Copy';
            btn.classList.remove('copied');
          }, 1600);
        }, function () {
          btn.textContent = 'Copy failed';
        });
      });
    });
  }

  /* ---------- accessibility touch-ups for rendered Markdown ---------- */

  /* Markdig's task-list checkboxes have no label: name each after its item's own text. */
  Array.prototype.forEach.call(
    document.querySelectorAll('li.task-list-item > input[type="checkbox"]'),
    function (box) {
      if (box.hasAttribute('aria-label') || box.hasAttribute('aria-labelledby') || box.labels && box.labels.length) {
        return;
      }
      var text = '';
      for (var n = box.nextSibling; n; n = n.nextSibling) {
        if (n.nodeType === 1 && /^(UL|OL)$/.test(n.tagName)) {
          break;
        }
        text += n.textContent;
      }
      text = text.replace(/\s+/g, ' ').trim();
      box.setAttribute('aria-label', text ? text.slice(0, 140) : 'Task');
    });

  /* A code block or table that scrolls sideways must be reachable by keyboard. */
  function markScrollers() {
    var candidates = document.querySelectorAll('pre, .table-wrap, article table, .unit-body table, table.data');
    Array.prototype.forEach.call(candidates, function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible';
      if (scrolls && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('data-scroll-focus', '');
      } else if (!scrolls && el.hasAttribute('data-scroll-focus')) {
        el.removeAttribute('tabindex');
        el.removeAttribute('data-scroll-focus');
      }
    });
  }
  var scrollTimer = 0;
  window.addEventListener('resize', function () {
    window.clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(markScrollers, 150);
  });

  /* ---------- mermaid ---------- */

  var mermaidQueue = Promise.resolve();

  var mermaidLoading = false;

  /* The diagram library is large (about 3 MB), so only pages that have a diagram fetch it. */
  function loadMermaid() {
    if (mermaidLoading) {
      return;
    }
    mermaidLoading = true;
    var script = document.createElement('script');
    script.src = '/lib/mermaid/mermaid.min.js';
    script.addEventListener('load', renderMermaid);
    document.body.appendChild(script);
  }

  function renderMermaid() {
    var nodes = document.querySelectorAll('pre.mermaid');
    if (!nodes.length) {
      return;
    }
    if (!window.mermaid) {
      loadMermaid();
      return;
    }
    var dark = isDark();
    mermaidQueue = mermaidQueue.then(function () {
      Array.prototype.forEach.call(nodes, function (node) {
        if (!node.hasAttribute('data-mermaid-src')) {
          node.setAttribute('data-mermaid-src', node.textContent);
        } else {
          node.textContent = node.getAttribute('data-mermaid-src');
          node.removeAttribute('data-processed');
        }
      });
      window.mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: dark ? 'dark' : 'default',
        /* the dark theme's edge labels are #ccc on #585858 (4.4:1): darken the label background */
        themeVariables: dark ? { edgeLabelBackground: '#2b323b' } : {}
      });
      /* A diagram that does not parse keeps showing its source (marked data-diagram-error)
         instead of mermaid's error picture. */
      return Promise.all(Array.prototype.map.call(nodes, function (node) {
        var src = node.getAttribute('data-mermaid-src');
        return Promise.resolve()
          .then(function () {
            return window.mermaid.parse(src, { suppressErrors: true });
          })
          .then(function (ok) {
            return ok ? node : null;
          }, function () {
            return null;
          });
      }));
    }).then(function (parsed) {
      var good = [];
      Array.prototype.forEach.call(nodes, function (node, i) {
        if (parsed[i]) {
          good.push(node);
          node.removeAttribute('data-diagram-error');
        } else {
          node.setAttribute('data-diagram-error', '');
        }
      });
      if (good.length) {
        return window.mermaid.run({ nodes: good, suppressErrors: true });
      }
      return null;
    }).then(function () {
      /* Wide diagrams shrink to fit, but not below ~60% of their drawn size:
         past that they scroll sideways inside their block instead. */
      Array.prototype.forEach.call(nodes, function (node) {
        node.setAttribute('data-diagram-theme', dark ? 'dark' : 'light');
      });
      Array.prototype.forEach.call(document.querySelectorAll('pre.mermaid > svg'), function (svg) {
        var natural = parseFloat(svg.style.maxWidth);
        if (natural > 0) {
          svg.style.setProperty('--diagram-min-width', Math.round(natural * 0.6) + 'px');
        }
      });
      markScrollers();
    }).catch(function (e) {
      if (window.console) {
        window.console.warn('SageStudy: a diagram could not be drawn', e);
      }
    });
  }

  renderMermaid();
  markScrollers();

  /* ---------- "On this page": mark the section being read ---------- */

  var toc = document.querySelector('.toc');
  if (toc && 'IntersectionObserver' in window) {
    var links = {};
    var headings = [];
    Array.prototype.forEach.call(toc.querySelectorAll('a[href^="#"]'), function (a) {
      var id;
      try {
        id = decodeURIComponent(a.getAttribute('href').slice(1));
      } catch (e) {
        id = a.getAttribute('href').slice(1);
      }
      var h = id && document.getElementById(id);
      if (h) {
        links[id] = a;
        headings.push(h);
      }
    });
    if (headings.length) {
      var visible = {};
      var activeLink = null;
      var mark = function () {
        var first = null;
        for (var i = 0; i < headings.length; i++) {
          if (visible[headings[i].id]) {
            first = headings[i];
            break;
          }
        }
        if (!first) {
          return; /* between headings: keep the last one marked */
        }
        var link = links[first.id];
        if (link !== activeLink) {
          if (activeLink) {
            activeLink.classList.remove('active');
          }
          link.classList.add('active');
          activeLink = link;
        }
      };
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          visible[entry.target.id] = entry.isIntersecting;
        });
        mark();
      }, { rootMargin: '-64px 0px -55% 0px', threshold: 0 });
      headings.forEach(function (h) {
        observer.observe(h);
      });
    }
  }
})();
