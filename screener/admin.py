"""Reception staff see consultation requests and mark them handled; nothing else is editable."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import ConsultationRequest
from .questions import QUESTIONS

REASONS = {question.key: question.reason for question in QUESTIONS}


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "name",
        "phone",
        "preferred_language",
        "preferred_time",
        "screener_outcome",
        "handled",
    ]
    list_filter = ["handled", "preferred_language", "preferred_time", "screener_outcome"]
    search_fields = ["name", "phone", "email"]
    date_hierarchy = "created_at"
    fields = [
        "name",
        "phone",
        "email",
        "preferred_language",
        "preferred_time",
        "message",
        "consent_to_contact",
        "screener_outcome",
        "attached_reasons",
        "created_at",
        "handled",
        "handled_at",
    ]
    actions = ["mark_handled"]

    def get_readonly_fields(self, request, obj=None):
        # Requests come from visitors: staff only record that they handled one.
        return [name for name in self.fields if name != "handled"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("screener reasons"))
    def attached_reasons(self, obj):
        """The attached reasons as the visitor read them, in the staff member's language."""
        reasons = obj.screener_reasons if isinstance(obj.screener_reasons, dict) else {}
        groups = [
            (_("Answered Yes"), reasons.get("yes")),
            (_("Answered I'm not sure"), reasons.get("not_sure")),
        ]
        parts = [
            format_html(
                "<p>{}:</p><ul>{}</ul>",
                label,
                format_html_join(
                    "", "<li>{}</li>", ((REASONS.get(str(key), str(key)),) for key in keys)
                ),
            )
            for label, keys in groups
            if isinstance(keys, list) and keys
        ]
        if not parts:
            return _("None attached")
        return format_html_join("", "{}", ((part,) for part in parts))

    @admin.action(description=_("Mark selected requests as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        for item in queryset.filter(handled=False):
            item.handled = True
            item.save()
