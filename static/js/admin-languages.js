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
      option.textContent = names.of(option.textContent.trim());
      option.lang = lang;
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
        return '(' + window.gettext('Ctrl') + ' + ' + key + ')';
      });
    });
  }
  window.addEventListener('load', relabel);
  window.addEventListener('load', nameShortcuts);
})();
