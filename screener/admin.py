"""Reception's workflow: requests come from visitors and stay as sent; staff set a status,
write notes, and every change (bulk actions included) goes into the admin log."""

import csv
from datetime import timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mesoinfo.validators import clean_visitor_text

from . import phones
from .models import ConsultationRequest
from .questions import QUESTIONS

REASONS = {question.key: question.reason for question in QUESTIONS}
Status = ConsultationRequest.Status
DUPLICATE_WINDOW = timedelta(days=1)


def staff_name(user):
    """A member of staff as colleagues know them: full name, else the user name (D18)."""
    if user is None:
        return None  # the list's empty value; an empty cell in the CSV
    return user.get_full_name().strip() or user.get_username()


def western_digits(text):
    """Every Unicode decimal digit (Arabic-Indic, Persian…) as 0-9, everything else dropped."""
    return "".join(str(int(char)) for char in text if char.isdecimal())


def status_action(status):
    """A bulk action that sets `status` on the selected requests, logging each one."""

    def action(modeladmin, request, queryset):
        changed = 0
        for row in queryset.exclude(status=status):
            row.status = status
            row.record_handling(request.user)
            row.save(update_fields=["status", "handled_by", "handled_at"])
            modeladmin.log_change(request, row, [{"changed": {"fields": [str(_("status"))]}}])
            changed += 1
        # Reception sees what the action did (none changed when all had that status).
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d request marked “%(status)s”.",
                "%(count)d requests marked “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": Status(status).label},
            messages.SUCCESS if changed else messages.INFO,
        )

    action.__name__ = f"mark_{status}"
    label = Status(status).label
    return admin.action(
        description=_("Mark as “%(status)s”") % {"status": label}, permissions=["change"]
    )(action)


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(admin.ModelAdmin):
    class Media:
        css = {"all": ["editorial/changelist.css", "css/request-list.css"]}

    list_display = [
        "created_at",
        "reference",
        "name",
        "phone_link",
        "preferred_time",
        "status",
        "likely_duplicate",
        "outcome_attached_display",
        "handled_by_name",
    ]
    list_filter = ["status", "preferred_language", "preferred_time", "screener_outcome"]
    search_fields = ["name", "email", "reference"]
    date_hierarchy = "created_at"
    visitor_fields = [
        "reference",
        "name",
        "phone_link",
        "email",
        "preferred_language",
        "preferred_time",
        "message",
        "consent_to_contact",
        "screener_outcome",
        "attached_reasons",
        "created_at",
    ]
    fields = [
        *visitor_fields,
        "same_phone_requests",
        "status",
        "notes",
        "handled_by_name",
        "handled_at",
        "deleted_on",
    ]
    readonly_fields = [
        *visitor_fields,
        "same_phone_requests",
        "handled_by_name",
        "handled_at",
        "deleted_on",
    ]
    actions = [
        *(
            status_action(s)
            for s in (Status.TRIED_TO_CALL, Status.NO_ANSWER, Status.BOOKED, Status.CLOSED)
        ),
        "export_csv",
    ]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        same_phone_near = ConsultationRequest.objects.filter(
            phone=OuterRef("phone"),
            created_at__gt=OuterRef("created_at") - DUPLICATE_WINDOW,
            created_at__lt=OuterRef("created_at") + DUPLICATE_WINDOW,
        ).exclude(pk=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .select_related("handled_by")
            .annotate(has_duplicate=Exists(same_phone_near))
        )

    def get_search_results(self, request, queryset, search_term):
        """Names and e-mails as typed; phone numbers in any digits and any spelling."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = clean_visitor_text(search_term)
        digits = western_digits(term)
        if len(digits) >= 3:
            by_phone = Q(phone__contains=digits)
            e164 = phones.to_e164(term)
            if e164:
                by_phone |= Q(phone=e164)
            results = results | queryset.filter(by_phone)
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        if form.changed_data:
            obj.record_handling(request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("phone"), ordering="phone")
    def phone_link(self, obj):
        return format_html('<a href="tel:{0}" dir="ltr">{0}</a>', str(obj.phone))

    @admin.display(
        description=ConsultationRequest._meta.get_field("handled_by").verbose_name,
        ordering="handled_by__first_name",
    )
    def handled_by_name(self, obj):
        # A read-only field would print None as the word "None".
        return staff_name(obj.handled_by) or self.get_empty_value_display()

    @admin.display(description=_("deleted on"))
    def deleted_on(self, obj):
        """When the retention job removes this request, as the patient was told (J5-5)."""
        days = settings.CONSULTATION_RETENTION_DAYS
        when = timezone.localdate(obj.created_at + timedelta(days=days))
        return ngettext(
            "%(date)s (kept %(days)d day after it was sent)",
            "%(date)s (kept %(days)d days after it was sent)",
            days,
        ) % {"date": date_format(when), "days": days}

    @admin.display(description=_("likely duplicate"), boolean=True)
    def likely_duplicate(self, obj):
        """Another request from the same phone number within a day of this one."""
        return bool(getattr(obj, "has_duplicate", False))

    @admin.display(description=_("likely duplicates"))
    def same_phone_requests(self, obj):
        """The other requests from this number within a day, linked (review D10)."""
        others = (
            ConsultationRequest.objects.filter(
                phone=obj.phone,
                created_at__gt=obj.created_at - DUPLICATE_WINDOW,
                created_at__lt=obj.created_at + DUPLICATE_WINDOW,
            )
            .exclude(pk=obj.pk)
            .order_by("created_at")
        )
        if not others:
            return _("No other request from this number within a day.")
        return format_html_join(
            "",
            '<p><a href="{}">{}</a> · {} · {}</p>',
            (
                (
                    reverse("admin:screener_consultationrequest_change", args=[other.pk]),
                    other.reference,
                    other.name,
                    date_format(timezone.localtime(other.created_at), "DATETIME_FORMAT"),
                )
                for other in others
            ),
        )

    @admin.display(description=_("result attached"), boolean=True)
    def outcome_attached_display(self, obj):
        return obj.outcome_attached

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

    @admin.action(description=_("Export the selected requests as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        """A CSV for the clinic's own system: UTF-8 with a BOM, so spreadsheets keep Arabic."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="consultation-requests-{stamp}.csv"'
        )
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                _("reference"),
                _("received"),
                _("name"),
                _("phone"),
                _("email"),
                _("preferred language"),
                _("preferred contact time"),
                _("message"),
                _("status"),
                _("result attached"),
                _("handled by"),
                _("handled at"),
                _("reception notes"),
            ]
        )
        for row in queryset.select_related("handled_by").order_by("created_at")[:10000]:
            writer.writerow(
                [
                    row.reference,
                    timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
                    spreadsheet_safe(row.name),
                    str(row.phone),
                    spreadsheet_safe(row.email),
                    row.get_preferred_language_display(),
                    row.get_preferred_time_display(),
                    spreadsheet_safe(row.message),
                    row.get_status_display(),
                    _("yes") if row.outcome_attached else _("no"),
                    staff_name(row.handled_by),
                    timezone.localtime(row.handled_at).strftime("%Y-%m-%d %H:%M")
                    if row.handled_at
                    else "",
                    spreadsheet_safe(row.notes),
                ]
            )
        return response


def spreadsheet_safe(text):
    """Visitor text that a spreadsheet will not run as a formula (=, +, -, @ at the start)."""
    text = str(text or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
