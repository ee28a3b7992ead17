/* The admin's language pickers name languages, not codes: modeltranslation's switch
   beside the page title and its tabs over each translated field show «ar» and «en»;
   here they read «العربية», «الإنجليزية» (or Arabic, English), in the admin's own
   language. Runs after modeltranslation has built them (on load). */
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
  window.addEventListener('load', relabel);
})();
