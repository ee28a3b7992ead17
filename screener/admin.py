"""Reception staff see consultation requests and mark them handled; nothing else is editable."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ConsultationRequest


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
        "screener_reasons",
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

    @admin.action(description=_("Mark selected requests as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        for item in queryset.filter(handled=False):
            item.handled = True
            item.save()
