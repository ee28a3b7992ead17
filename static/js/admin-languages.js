/* The admin's language pickers name languages, not codes: modeltranslation's switch
   beside the page title and its tabs over each translated field show «ar» and «en»;
   here they read «العربية», «الإنجليزية» (or Arabic, English), in the admin's own
   language; the body editor's shortcut tooltips name the Ctrl key in the admin's language.
   Runs after modeltranslation and the editor have built them (on load). */
(function () {
  'use strict';
  function relabel() {
    var lang = document.documentElement.lang || 'en';
    var names;
    try {
      names = new Intl.DisplayNames([lang], {type: 'language'});
    } catch (error) {
      return;
    }
    document.querySelectorAll('#modeltranslation-main-switch option').forEach(function (option) {
      var code = option.textContent.trim();
      if (/^[a-z]{2,3}(-[a-z]+)?$/i.test(code)) {
        option.textContent = names.of(code.toLowerCase());
        option.lang = lang;
      }
    });
    document.querySelectorAll('.ui-tabs-nav a.ui-tabs-anchor').forEach(function (tab) {
      var code = tab.textContent.trim();
      if (/^[a-z]{2,3}(-[a-z]+)?$/i.test(code)) {
        tab.textContent = names.of(code.toLowerCase());
      }
    });
  }
  // The body editor's tooltips name their shortcut the English way, "Bold (Ctrl-B)".
  function nameShortcuts() {
    if (typeof window.gettext !== 'function') return;
    document.querySelectorAll('.editor-toolbar [title]').forEach(function (button) {
      button.title = button.title.replace(/\(Ctrl-(\w)\)/, function (match, key) {
        return '(' + gettext('Ctrl') + ' + ' + key + ')';
      });
    });
  }
  // Never called: lists Django's admin strings whose Arabic djangojs.po corrects (findings
  // A3, A4), so that makemessages keeps them in the project's catalogue.
  // eslint-disable-next-line no-unused-vars
  function correctedInCatalogue() {
    ngettext('%(sel)s of %(cnt)s selected', '%(sel)s of %(cnt)s selected', 0);
    ngettext('Note: You are %s hour ahead of server time.',
                    'Note: You are %s hours ahead of server time.', 0);
    ngettext('Note: You are %s hour behind server time.',
                    'Note: You are %s hours behind server time.', 0);
  }
  function relabelAll() {
    relabel();
    nameShortcuts();
  }
  // The switch, tabs and toolbar are built by other scripts, on load or later: relabel
  // then, and whenever they are (re)built during the first seconds.
  // A refused form opens the first language tab that holds an error (review D4: the
  // Arabic alt text's error stayed hidden behind the English tab).
  function showFirstError() {
    var panels = document.querySelectorAll('.ui-tabs-panel');
    for (var i = 0; i < panels.length; i++) {
      if (panels[i].querySelector('.errorlist, .errors')) {
        var tab = document.querySelector('.ui-tabs-nav a[href="#' + panels[i].id + '"]');
        if (tab) { tab.click(); }
        return;
      }
    }
  }
  window.addEventListener('load', function () {
    relabelAll();
    window.setTimeout(showFirstError, 0); // after the tabs' own start-up choice
    var observer = new MutationObserver(relabelAll);
    observer.observe(document.body, {childList: true, subtree: true});
    window.setTimeout(function () { observer.disconnect(); }, 10000);
  });
})();
