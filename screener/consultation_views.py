"""The consultation request's form and its confirmation. The views only route: a request
is stored by screener.sending, and a refused form comes back through a redirect
(Post/Redirect/Get) with its fields and errors kept in the visitor's ScreenerState."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import TemplateView

from mesoinfo.language_choice import remember_language

from . import limits
from .forms import TOO_QUICK, ConsultationForm, new_form_token, restore_errors
from .mixins import ScreenerStateMixin
from .models import ConsultationRequest
from .sending import LIMITED, send_request


class ConsultationView(ScreenerStateMixin, TemplateView):
    template_name = "screener/consultation.html"

    def form(self, data=None, submitted_at=None):
        return ConsultationForm(
            data,
            initial={"preferred_language": get_language(), "token": new_form_token()},
            outcome_available=self.state.outcome is not None,
            opened_at=self.state.form_opened_at,
            submitted_at=submitted_at,
            busy=data is not None and limits.site_is_busy(),
        )

    def get(self, request, *args, **kwargs):
        self.state.opened_form()
        if self.state.already_sent:
            return self.render_to_response(self.get_context_data(already_sent=True))
        draft = self.state.take_draft("consultation")
        if draft is None:
            return self.render_to_response(self.get_context_data(form=self.form()))
        data = draft["data"]
        quick = bool(draft.get("quick"))
        if quick:  # sent very soon after opening: this copy is accepted when sent again
            data = {**data, "token": new_form_token(confirmed=True)}
        form = self.form(data, submitted_at=draft.get("at"))
        limited = bool(draft.get("limited"))
        if not limited:
            restore_errors(form, draft)
        confirm = quick and not form.errors
        status = 429 if limited else 200 if draft.get("switched") or confirm else 400
        return self.render_to_response(
            self.get_context_data(form=form, rate_limited=limited, confirm_send=confirm),
            status=status,
        )

    def post(self, request, *args, **kwargs):
        if "another" in request.POST:  # "Send another request" after one was sent
            self.state.allow_another()
            return redirect("screener:consultation")
        if self.state.already_sent:
            return redirect("screener:consultation_sent")
        if "switch_language" in request.POST:
            return self.switch_language(request.POST)
        form = self.form(request.POST)
        if not form.is_valid():
            # Sent within a moment of opening (autofill, review D16): nothing is refused;
            # the form comes back filled in, asking the visitor to check it and send again.
            quick = form.has_error("token", TOO_QUICK)
            errors = {name: e for name, e in form.errors.items() if not (quick and name == "token")}
            extra = {"quick": True} if quick else {}
            self.state.keep_draft("consultation", request.POST.dict(), errors=errors, **extra)
            return redirect("screener:consultation")
        if send_request(form, request, self.state) == LIMITED:
            self.state.keep_draft("consultation", request.POST.dict(), limited=True)
            return redirect("screener:consultation")
        return redirect("screener:consultation_sent")

    def switch_language(self, data):
        """The header's language buttons send the form (J2-9): what was typed comes back,
        unchecked, in the other language, through the visitor's encrypted state as a
        refused form does; nothing goes into an address."""
        code = data.get("switch_language")
        if code not in dict(settings.LANGUAGES):
            return redirect("screener:consultation")
        fields = data.dict()
        if fields.get("preferred_language") == get_language():  # the page's own, unchanged
            fields["preferred_language"] = code
        self.state.keep_draft("consultation", fields, switched=True)
        with translation.override(code):
            response = redirect(reverse("screener:consultation"))
        remember_language(response, code)
        return response

    def get_context_data(self, **kwargs):
        if kwargs.get("form") is not None:
            kwargs["language_switch_form"] = "consultation-form"
        return super().get_context_data(
            retention_days=settings.CONSULTATION_RETENTION_DAYS,
            reference=self.state.sent_reference,
            **kwargs,
        )


class ConsultationSentView(ScreenerStateMixin, TemplateView):
    """The confirmation, with the request's reference, while the visitor's state holds it."""

    template_name = "screener/consultation_sent.html"

    def get(self, request, *args, **kwargs):
        if not self.state.already_sent:
            return redirect("screener:consultation")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        summary = self.state.sent_summary
        times = dict(ConsultationRequest.ContactTime.choices)
        return super().get_context_data(
            reference=self.state.sent_reference,
            preferred_time=times.get(summary.get("time"), ""),
            attached=bool(summary.get("attached")),
            callback_days=settings.CONSULTATION_CALLBACK_WORKING_DAYS,
            **kwargs,
        )
