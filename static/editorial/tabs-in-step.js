/* Every field's language tabs and the form's main language switch stay in step: choosing
   English on one field shows English in all of them (modeltranslation alone changes only
   that field and the switch, so it was easy to edit the wrong language). */
(function () {
  'use strict';
  var jQuery = window.jQuery || (window.django && window.django.jQuery);
  if (!jQuery) { return; }
  jQuery(function ($) {
    // After modeltranslation's own handler has set the switch to the tab's language.
    $(document).on('tabsactivate', function () {
      var main = $('#modeltranslation-main-switch');
      if (main.length) { main.trigger('change'); }
    });
  });
})();
