/* The admin's body editor: EasyMDE over each textarea[data-body-editor], with a toolbar of
   the site's own blocks, and a live preview rendered by the server (the page's real
   Markdown rendering and sanitizer), its word count, reading level and what the sanitizer
   will remove. Without this script the textarea works as it is.
   No inline styles or scripts: the admin runs under a strict Content Security Policy. */
(function () {
  'use strict';

  var PREVIEW_DELAY = 400; // milliseconds after the last keystroke

  function csrfToken(textarea) {
    var form = textarea.form;
    var input = form && form.querySelector('input[name=csrfmiddlewaretoken]');
    return input ? input.value : '';
  }

  function insertBlock(cm, text) {
    // Blocks start on a line of their own, with a blank line before and after.
    var cursor = cm.getCursor();
    var line = cm.getLine(cursor.line);
    var before = line.length ? '\n\n' : (cursor.line > 0 && cm.getLine(cursor.line - 1) ? '\n' : '');
    if (line.length) {
      cm.setCursor({line: cursor.line, ch: line.length});
    }
    var start = cm.getCursor('from');
    cm.replaceSelection(before + text + '\n\n');
    cm.focus();
    // Where the block's first line now is (the blank lines put before it counted).
    return start.line + (before.match(/\n/g) || []).length;
  }

  function prefixLines(cm, prefix) {
    // "## ", "- ", "1. " before each selected line (or the current one).
    var from = cm.getCursor('from').line;
    var to = cm.getCursor('to').line;
    for (var n = from; n <= to; n++) {
      var text = cm.getLine(n);
      var number = typeof prefix === 'function' ? prefix(n - from) : prefix;
      var bare = text.replace(/^(#{1,6} |[-*] |\d+\. )/, '');
      cm.replaceRange(number + bare, {line: n, ch: 0}, {line: n, ch: text.length});
    }
    cm.setCursor({line: to, ch: cm.getLine(to).length});
    cm.focus();
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  var dialogCount = 0;

  function linkDialog(cm, labels, searchUrl, language) {
    // A dialog to find an article of the site (inserted by id, so the link follows the
    // article when its address changes) or to type another site's address.
    var n = ++dialogCount;
    var chosen = null;
    var dialog = element('dialog', {'class': 'link-dialog', 'aria-labelledby': 'link-dialog-title-' + n});
    var form = element('form', {method: 'dialog'});
    var title = element('h2', {id: 'link-dialog-title-' + n}, labels.link_dialog);
    var searchLabel = element('label', {'for': 'link-search-' + n}, labels.link_search);
    var search = element('input', {type: 'search', id: 'link-search-' + n, autocomplete: 'off'});
    var results = element('ul', {'class': 'link-dialog__results', 'aria-live': 'polite'});
    var status = element('p', {'class': 'link-dialog__chosen', role: 'status'});
    var urlLabel = element('label', {'for': 'link-url-' + n}, labels.link_or_address);
    var url = element('input', {type: 'url', id: 'link-url-' + n, dir: 'ltr', placeholder: 'https://'});
    var textLabel = element('label', {'for': 'link-text-' + n}, labels.link_label);
    var text = element('input', {type: 'text', id: 'link-text-' + n, dir: 'auto'});
    text.value = cm.getSelection();
    var insert = element('button', {type: 'submit', value: 'insert', 'class': 'default'}, labels.link_insert);
    var cancel = element('button', {type: 'submit', value: 'cancel'}, labels.link_cancel);
    form.append(title, searchLabel, search, results, status, urlLabel, url, textLabel, text, insert, cancel);
    dialog.append(form);
    document.body.append(dialog);

    var timer = null;
    function find() {
      var address = searchUrl + '?lang=' + encodeURIComponent(language) + '&q=' + encodeURIComponent(search.value);
      fetch(address, {credentials: 'same-origin'}).then(function (response) {
        return response.json();
      }).then(function (data) {
        results.replaceChildren();
        if (!data.results.length) {
          results.append(element('li', {}, labels.link_none));
        }
        data.results.forEach(function (article) {
          var item = element('li');
          var choose = element('button', {type: 'button', 'class': 'link-dialog__article', 'data-article': String(article.id)},
                               article.title + ' (' + article.category + ')');
          choose.addEventListener('click', function () {
            chosen = article;
            url.value = '';
            if (!text.value) { text.value = article.title; }
            status.textContent = labels.link_chosen.replace('%(title)s', article.title);
            text.focus();
          });
          item.append(choose);
          results.append(item);
        });
      });
    }
    search.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(find, 250);
    });
    url.addEventListener('input', function () { chosen = null; status.textContent = ''; });
    dialog.addEventListener('close', function () {
      if (dialog.returnValue === 'insert' && (chosen || url.value)) {
        var target = chosen ? 'article:' + chosen.id : url.value;
        var label = text.value || (chosen ? chosen.title : url.value);
        cm.replaceSelection('[' + label + '](' + target + ')');
      }
      dialog.remove();
      cm.focus();
    });
    dialog.showModal();
    search.focus();
    find();
  }

  function imageDialog(cm, labels, urls, language) {
    // A dialog to find a picture in the image library and insert it by id: the page draws
    // it with its alt text in the page's language. The text in [] only helps the editor.
    var n = ++dialogCount;
    var chosen = null;
    var dialog = element('dialog', {'class': 'link-dialog image-dialog', 'aria-labelledby': 'image-dialog-title-' + n});
    var form = element('form', {method: 'dialog'});
    var title = element('h2', {id: 'image-dialog-title-' + n}, labels.image_dialog);
    var searchLabel = element('label', {'for': 'image-search-' + n}, labels.image_search);
    var search = element('input', {type: 'search', id: 'image-search-' + n, autocomplete: 'off'});
    var results = element('ul', {'class': 'link-dialog__results image-dialog__results', 'aria-live': 'polite'});
    var status = element('p', {'class': 'link-dialog__chosen', role: 'status'});
    var upload = element('a', {href: urls.upload, target: '_blank', rel: 'noopener'}, labels.image_upload);
    var insert = element('button', {type: 'submit', value: 'insert', 'class': 'default'}, labels.image_insert);
    var cancel = element('button', {type: 'submit', value: 'cancel'}, labels.link_cancel);
    var uploadLine = element('p');
    uploadLine.append(upload);
    form.append(title, searchLabel, search, results, status, uploadLine, insert, cancel);
    dialog.append(form);
    document.body.append(dialog);

    var timer = null;
    function find() {
      var address = urls.search + '?lang=' + encodeURIComponent(language) + '&q=' + encodeURIComponent(search.value);
      fetch(address, {credentials: 'same-origin'}).then(function (response) {
        return response.json();
      }).then(function (data) {
        results.replaceChildren();
        if (!data.results.length) {
          results.append(element('li', {}, labels.image_none));
        }
        data.results.forEach(function (image) {
          var item = element('li');
          var choose = element('button', {type: 'button', 'class': 'image-dialog__image', 'data-image': String(image.id)});
          choose.append(element('img', {src: image.thumbnail, alt: '', width: '60'}),
                        element('span', {}, image.title + ': ' + image.alt));
          choose.addEventListener('click', function () {
            chosen = image;
            status.textContent = labels.link_chosen.replace('%(title)s', image.title);
            insert.focus();
          });
          item.append(choose);
          results.append(item);
        });
      });
    }
    search.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(find, 250);
    });
    dialog.addEventListener('close', function () {
      if (dialog.returnValue === 'insert' && chosen) {
        var alt = chosen.alt.replace(/[\[\]\n]+/g, ' ');
        insertBlock(cm, '![' + alt + '](image:' + chosen.id + ')');
      }
      dialog.remove();
      cm.focus();
    });
    dialog.showModal();
    search.focus();
    find();
  }

  // The site's boxes (content/components.py): a care card, a warning or a side note, each
  // "!!! kind" with an optional "heading", then its text indented by four spaces.
  var CALLOUT_KINDS = ['urgent', 'same-day', 'non-urgent', 'warning', 'inset'];
  var CALLOUT_OPENING = /^!!! ?([\w-]+)(?: +[\w-]+)*(?: +"(.*)")? *$/;
  var INDENT = /^( {4}|\t)/;

  function calloutAt(cm, lineNumber) {
    // The box around a line, or null: its opening line and the indented or blank lines
    // after it (blank lines at its end belong to the text that follows).
    var first = null;
    for (var n = lineNumber; n >= 0; n--) {
      var text = cm.getLine(n);
      if (CALLOUT_OPENING.test(text)) { first = n; break; }
      if (text.trim() && !INDENT.test(text)) { return null; }
    }
    if (first === null) { return null; }
    var last = first;
    for (var m = first + 1; m < cm.lineCount(); m++) {
      var line = cm.getLine(m);
      if (!line.trim()) { continue; }
      if (!INDENT.test(line)) { break; }
      last = m;
    }
    if (lineNumber > last) { return null; }
    var opening = cm.getLine(first).match(CALLOUT_OPENING);
    var lines = [];
    for (var k = first + 1; k <= last; k++) {
      lines.push(cm.getLine(k).replace(INDENT, ''));
    }
    return {from: first, to: last, kind: opening[1], heading: opening[2] || '', text: lines.join('\n')};
  }

  function calloutMarkdown(kind, heading, text) {
    // Every line of the text indented (blank lines kept, so paragraphs stay paragraphs).
    var title = heading.replace(/\s+/g, ' ').trim();
    var lines = text.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
    return '!!! ' + kind + (title ? ' "' + title + '"' : '') + '\n' +
      lines.split('\n').map(function (line) { return line.trim() ? '    ' + line : ''; }).join('\n');
  }

  function calloutDialog(cm, labels, kind, language, direction) {
    // A form for a box: its kind, heading and text. Inside an existing box, the dialog
    // opens filled with it and replaces it; otherwise it inserts a new one at the cursor.
    var n = ++dialogCount;
    var existing = calloutAt(cm, cm.getCursor('from').line);
    var chosen = existing ? '' : cm.getSelection();
    var kinds = CALLOUT_KINDS.slice();
    var current = existing ? existing.kind : kind;
    if (kinds.indexOf(current) < 0) { kinds.push(current); } // a kind typed by hand
    var id = 'callout-dialog-' + n;
    var dialog = element('dialog', {'class': 'link-dialog callout-dialog', 'aria-labelledby': id + '-title'});
    var form = element('form', {method: 'dialog'});
    var title = element('h2', {id: id + '-title'}, existing ? labels.callout_edit : labels.callout_dialog);
    var group = element('fieldset', {'class': 'callout-dialog__kinds'});
    group.append(element('legend', {}, labels.callout_kind));
    kinds.forEach(function (name) {
      var radioId = id + '-kind-' + name;
      var radio = element('input', {type: 'radio', name: 'kind', value: name, id: radioId});
      var row = element('div', {'class': 'callout-dialog__kind callout-dialog__kind--' + name});
      row.append(radio, element('label', {'for': radioId}, labels[name] || name));
      if (labels[name + '_hint']) {
        radio.setAttribute('aria-describedby', radioId + '-hint');
        row.append(element('span', {id: radioId + '-hint', 'class': 'callout-dialog__hint'}, labels[name + '_hint']));
      }
      radio.checked = name === current;
      group.append(row);
    });
    var headingLabel = element('label', {'for': id + '-heading'}, labels.callout_heading);
    var heading = element('input', {type: 'text', name: 'heading', id: id + '-heading', lang: language,
                                     dir: 'auto', autocomplete: 'off', 'aria-describedby': id + '-heading-hint'});
    var headingHint = element('p', {id: id + '-heading-hint', 'class': 'callout-dialog__hint'}, labels.callout_heading_hint);
    var textLabel = element('label', {'for': id + '-text'}, labels.callout_body);
    var text = element('textarea', {name: 'text', id: id + '-text', rows: '6', required: '', lang: language,
                                    dir: direction, 'aria-describedby': id + '-text-hint'});
    var textHint = element('p', {id: id + '-text-hint', 'class': 'callout-dialog__hint'}, labels.callout_body_hint);
    heading.value = existing ? existing.heading : '';
    text.value = existing ? existing.text : chosen;
    var insert = element('button', {type: 'submit', value: 'insert', 'class': 'default'},
                         existing ? labels.callout_update : labels.callout_insert);
    var cancel = element('button', {type: 'submit', value: 'cancel', formnovalidate: ''}, labels.link_cancel);
    form.append(title, group, headingLabel, heading, headingHint, textLabel, text, textHint, insert, cancel);
    dialog.append(form);
    document.body.append(dialog);

    dialog.addEventListener('close', function () {
      var picked = form.querySelector('input[name=kind]:checked');
      if (dialog.returnValue === 'insert' && picked && text.value.trim()) {
        var block = calloutMarkdown(picked.value, heading.value, text.value);
        if (existing) {
          cm.replaceRange(block, {line: existing.from, ch: 0},
                          {line: existing.to, ch: cm.getLine(existing.to).length});
          cm.setCursor({line: existing.from, ch: 0});
        } else {
          if (chosen) { cm.replaceSelection(''); } // the selected text went into the box
          insertBlock(cm, block);
        }
      }
      dialog.remove();
      cm.focus();
    });
    dialog.showModal();
    (form.querySelector('input[name=kind]:checked') || heading).focus();
  }

  function toolbar(labels, searchUrl, language, images, direction) {
    function button(name, action) {
      return {name: name, action: action, text: labels[name], title: labels[name],
              className: 'body-editor__button body-editor__button--' + name};
    }
    return [
      button('h2', function (e) { prefixLines(e.codemirror, '## '); }),
      button('h3', function (e) { prefixLines(e.codemirror, '### '); }),
      button('bold', window.EasyMDE.toggleBold),
      '|',
      button('ul', function (e) { prefixLines(e.codemirror, '- '); }),
      button('ol', function (e) { prefixLines(e.codemirror, function (i) { return (i + 1) + '. '; }); }),
      button('link', function (e) { linkDialog(e.codemirror, labels, searchUrl, language); })
    ].concat(images.search ? [
      button('image', function (e) { imageDialog(e.codemirror, labels, images, language); })
    ] : []).concat([
      button('table', function (e) {
        var c = labels.column, v = labels.cell;
        insertBlock(e.codemirror, '| ' + c + ' 1 | ' + c + ' 2 |\n| --- | --- |\n| ' + v + ' | ' + v + ' |');
      }),
      '|'
    ], CALLOUT_KINDS.map(function (kind) {
      return button(kind, function (e) { calloutDialog(e.codemirror, labels, kind, language, direction); });
    }));
  }

  function setUp(textarea) {
    var labels = JSON.parse(textarea.dataset.labels);
    var language = textarea.dataset.language;
    var direction = textarea.getAttribute('dir') || 'ltr';
    var editor = new window.EasyMDE({
      element: textarea,
      direction: direction,
      toolbar: toolbar(labels, textarea.dataset.linkSearchUrl, language, {
        search: textarea.dataset.imageSearchUrl, upload: textarea.dataset.imageUploadUrl
      }, direction),
      autoDownloadFontAwesome: false, // nothing is loaded from another site
      spellChecker: false,            // its dictionaries would come from a CDN
      nativeSpellcheck: true,
      forceSync: true,                // the textarea always holds the text the form sends
      status: false,
      autofocus: false,
      minHeight: '12rem',
      shortcuts: {togglePreview: null, toggleSideBySide: null, toggleFullScreen: null}
    });
    var wrapper = editor.codemirror.getWrapperElement().parentNode;
    wrapper.classList.add('body-editor');
    var bar = wrapper.querySelector('.editor-toolbar');
    if (bar) {
      bar.setAttribute('role', 'toolbar');
      bar.setAttribute('aria-label', labels.toolbar);
      bar.setAttribute('dir', direction);
      // EasyMDE keeps its buttons out of the tab order: keyboard users need them.
      bar.querySelectorAll('button').forEach(function (b) { b.tabIndex = 0; });
      // The buttons that open a dialog say so to screen readers.
      ['link', 'image'].concat(CALLOUT_KINDS).forEach(function (name) {
        var opener = bar.querySelector('.body-editor__button--' + name);
        if (opener) { opener.setAttribute('aria-haspopup', 'dialog'); }
      });
    }
    var input = editor.codemirror.getInputField();
    input.setAttribute('lang', language);
    // CodeMirror types into a textarea of its own: give it the field's label.
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      input.setAttribute('aria-label', label.textContent.replace(/[:：]\s*$/, '').trim());
    }
    editor.codemirror.getWrapperElement().setAttribute('lang', language);

    var panel = document.createElement('section');
    panel.className = 'body-editor__preview-panel';
    panel.setAttribute('aria-label', labels.preview);
    var title = document.createElement('h3');
    title.className = 'body-editor__preview-title';
    title.textContent = labels.preview;
    var summary = document.createElement('p');
    summary.className = 'body-editor__summary';
    summary.setAttribute('aria-live', 'polite');
    var warnings = document.createElement('div');
    warnings.className = 'body-editor__warnings';
    warnings.setAttribute('role', 'status');
    var preview = document.createElement('div');
    preview.className = 'body-editor__preview article-body';
    preview.setAttribute('lang', language);
    preview.setAttribute('dir', direction);
    // The same text drawn as the public page draws it: its own stylesheets, in a frame of
    // this page (same origin), so the admin's styles do not change how it looks.
    var styles = JSON.parse(textarea.dataset.pageStyles || '[]');
    var frame = document.createElement('iframe');
    frame.className = 'body-editor__page-preview';
    frame.setAttribute('title', labels.preview);
    frame.setAttribute('tabindex', '-1');
    frame.setAttribute('aria-hidden', 'true'); // screen readers have the copy above
    panel.append(title, summary, warnings, preview, frame);
    wrapper.after(panel);

    function drawPage(html) {
      var links = styles.map(function (href) {
        return '<link rel="stylesheet" href="' + href.replace(/"/g, '&quot;') + '">';
      }).join('');
      frame.srcdoc = '<!doctype html><html lang="' + language + '" dir="' + direction + '"><head>' +
        '<meta charset="utf-8"><base target="_blank">' + links + '</head><body><main class="container py-4">' +
        '<article class="article"><div class="article-body">' + html + '</div></article></main></body></html>';
    }
    frame.addEventListener('load', function () {
      var doc = frame.contentDocument;
      if (doc && doc.documentElement) {
        frame.style.blockSize = (doc.documentElement.scrollHeight + 4) + 'px';
      }
    });

    var timer = null;
    var sent = 0;
    function refresh() {
      var number = ++sent;
      var body = new FormData();
      body.append('text', editor.value());
      body.append('language', language);
      fetch(textarea.dataset.previewUrl, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: {'X-CSRFToken': csrfToken(textarea)}
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (data) {
        if (number !== sent) { return; } // a later keystroke is on its way
        // The HTML is the server's sanitised rendering, the same the public page shows.
        preview.innerHTML = data.html;
        drawPage(data.html);
        summary.textContent = data.summary;
        warnings.replaceChildren();
        if (data.warnings.length) {
          var heading = document.createElement('p');
          heading.textContent = labels.warnings;
          var list = document.createElement('ul');
          data.warnings.forEach(function (text) {
            var item = document.createElement('li');
            item.textContent = text;
            list.append(item);
          });
          warnings.append(heading, list);
          warnings.classList.add('body-editor__warnings--shown');
        } else {
          warnings.classList.remove('body-editor__warnings--shown');
        }
      }).catch(function () {
        summary.textContent = labels.error;
      });
    }
    editor.codemirror.on('change', function (cm, change) {
      if (change.origin !== 'setValue') {
        textarea.dispatchEvent(new Event('body-editor-change', {bubbles: true}));
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, PREVIEW_DELAY);
    });
    refresh();

    // An editor in a hidden language tab measures nothing: redraw it when it is shown.
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          editor.codemirror.refresh();
        }
      }).observe(wrapper);
    }
  }

  // Leaving the page with unsaved changes asks first (review D2): CodeMirror's text is
  // not restored by the browser's Back button. Saving the form is not leaving.
  function guardUnsavedChanges(editors) {
    var form = editors.length && editors[0].closest('form');
    if (!form) { return; }
    var dirty = false;
    function mark() { dirty = true; }
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.addEventListener('body-editor-change', mark);
    form.addEventListener('submit', function (event) {
      // Preview sends the form to a new tab: the text here is still unsaved.
      if (event.submitter && event.submitter.formTarget === '_blank') { return; }
      dirty = false;
    });
    window.addEventListener('beforeunload', function (event) {
      if (!dirty) { return; }
      event.preventDefault();
      event.returnValue = ''; // older browsers show their own warning only with this
    });
  }

  function start() {
    if (!window.EasyMDE || !window.fetch) { return; } // the plain textarea stays
    var editors = document.querySelectorAll('textarea[data-body-editor]');
    editors.forEach(setUp);
    guardUnsavedChanges(editors);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
