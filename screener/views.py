"""The screener: a start page, eight questions, a check page, the outcome, and
the consultation request.

Every response is private (`Cache-Control: no-store` and `noindex`, set by
ForgetScreenerOnLeaveMiddleware). Answers live in ScreenerState (the session) and
never reach the database, the URL or the logs.
"""

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from django_ratelimit.core import get_usage

from content.models import Article

from .forms import AnswerForm, ConsultationForm, new_form_token
from .middleware import has_started_cookie
from .models import ConsultationRequest
from .questions import QUESTIONS, TOTAL, decide, is_complete, question
from .state import DAMAGED, EXPIRED, OK, ScreenerState

STATE_MESSAGES = {
    DAMAGED: _("Your answers could not be read, so they were cleared. Please start again."),
    EXPIRED: _("Your answers were cleared because some time has passed. Please start again."),
}
# The browser had begun the screener (it still has STARTED_COOKIE) but its session came
# without the answers: a tampered or expired session cookie arrives as an empty session,
# so one honest message covers every cause.
ANSWERS_LOST = _(
    "Your answers could not be found, perhaps because time passed or the browser cleared "
    "them. Please start again."
)
SEE_THE_RESULT = _("Here is your result. To answer the questions again, choose “Start again”.")
ALREADY_SENT = _("Your request was already sent. You do not need to send it again.")
# Set to SENT when a consultation request has been sent: the "sent" page shows once, then
# the key says SHOWN, and opening that page again leads to the form with ALREADY_SENT.
SENT_KEY = "screener.consultation_sent"
SENT, SHOWN = "sent", "shown"


def question_url(number):
    return reverse("screener:question", args=[number])


class PrivateMixin:
    """The visitor's screener state at hand. (The middleware keeps every screener
    response out of caches and search engines.)"""

    def dispatch(self, request, *args, **kwargs):
        self.state = ScreenerState(request.session)
        if self.state.status in STATE_MESSAGES:
            messages.warning(request, STATE_MESSAGES[self.state.status])
        return super().dispatch(request, *args, **kwargs)

    @property
    def answers_lost(self):
        """This browser had begun the screener, but its session came without the answers.
        A visitor who never began (or whom the site itself cleared) is simply new."""
        return self.state.status == OK and not self.state.found and has_started_cookie(self.request)

    def go_to_first_unanswered(self, message):
        if self.answers_lost:
            messages.warning(self.request, ANSWERS_LOST)
            return redirect(question_url(1))
        number = self.state.first_unanswered() or 1
        if self.state.status == OK:  # otherwise the visitor already has a message
            messages.info(self.request, message)
        return redirect(question_url(number))

    def back_to_outcome(self):
        """The outcome is known and the answers are gone: the result is all there is to show."""
        messages.info(self.request, SEE_THE_RESULT)
        return redirect("screener:outcome")


class StartView(PrivateMixin, TemplateView):
    template_name = "screener/start.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(total=TOTAL, **kwargs)

    def post(self, request, *args, **kwargs):
        """Start (or start again): forget any earlier answers and result."""
        self.state.begin()
        return redirect(question_url(1))


class QuestionView(PrivateMixin, FormView):
    template_name = "screener/question.html"
    form_class = AnswerForm

    def dispatch(self, request, *args, **kwargs):
        self.number = kwargs["number"]
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.guard() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.guard() or super().post(request, *args, **kwargs)

    def guard(self):
        """Send a visitor who skipped ahead (or came with a bad number) to the right page."""
        if self.state.outcome is not None:  # e.g. Back from the outcome page
            return self.back_to_outcome()
        first_unanswered = self.state.first_unanswered()
        if not 1 <= self.number <= TOTAL:
            return self.go_to_first_unanswered(
                _("There is no such question. Here is the next one to answer.")
            )
        if first_unanswered is not None and self.number > first_unanswered:
            return self.go_to_first_unanswered(_("Please answer this question first."))
        return None

    @property
    def question(self):
        return question(self.number)

    @property
    def returning_to_check(self):
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        return source.get("return") == "check"

    def get_initial(self):
        return {"answer": self.state.answers.get(self.question.key)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question,
            number=self.number,
            total=TOTAL,
            returning_to_check=self.returning_to_check,
            back_url=self.back_url(),
            **kwargs,
        )

    def back_url(self):
        if self.returning_to_check:
            return reverse("screener:check")
        if self.number == 1:
            return reverse("screener:start")
        return question_url(self.number - 1)

    def form_valid(self, form):
        self.state.answer(self.question.key, form.cleaned_data["answer"])
        if self.returning_to_check or self.number == TOTAL:
            next_number = self.state.first_unanswered()
            if next_number is None:
                return redirect("screener:check")
            return redirect(question_url(next_number))
        return redirect(question_url(self.number + 1))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CheckView(PrivateMixin, TemplateView):
    template_name = "screener/check.html"

    def get(self, request, *args, **kwargs):
        if self.state.outcome is not None:
            return self.back_to_outcome()
        if not is_complete(self.state.answers):
            return self.go_to_first_unanswered(_("Please answer every question first."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        labels = dict(AnswerForm.base_fields["answer"].choices)
        rows = [
            {
                "number": number,
                "question": q,
                "answer": labels[self.state.answers[q.key]],
                "change_url": question_url(number) + "?return=check",
            }
            for number, q in enumerate(QUESTIONS, start=1)
        ]
        return super().get_context_data(rows=rows, **kwargs)

    def post(self, request, *args, **kwargs):
        if not is_complete(self.state.answers):
            if self.state.outcome is not None:  # sent twice: the result is already there
                return redirect("screener:outcome")
            return self.go_to_first_unanswered(_("Please answer every question first."))
        self.state.finish(decide(self.state.answers))
        return redirect("screener:outcome")


def articles_by_key(keys):
    """{corpus key: published article} for the articles a page links to, in one query."""
    return {a.corpus_key: a for a in Article.objects.published().filter(corpus_key__in=keys)}


# Articles every outcome points to, by corpus key.
FURTHER_READING = ("preparing", "side-effects", "evidence")


class OutcomeView(PrivateMixin, TemplateView):
    template_name = "screener/outcome.html"

    def get(self, request, *args, **kwargs):
        if self.state.outcome is None:
            if self.state.answers:
                return self.go_to_first_unanswered(_("Please answer every question first."))
            if self.answers_lost:
                messages.warning(request, ANSWERS_LOST)
                return redirect("screener:start")
            messages.info(
                request,
                _("There is no result to show. Your answers are not kept, so please start again."),
            )
            return redirect("screener:start")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        outcome = self.state.outcome
        by_key = {q.key: q for q in QUESTIONS}
        articles = articles_by_key({q.article_key for q in QUESTIONS} | set(FURTHER_READING))
        further_reading = [
            {"article": articles[key], "print_url": self.readable_address(articles[key])}
            for key in FURTHER_READING
            if key in articles
        ]
        return super().get_context_data(
            outcome=outcome,
            yes=[by_key[key] for key in outcome.yes],
            not_sure=[by_key[key] for key in outcome.not_sure],
            further_reading=further_reading,
            explaining_article=articles.get(QUESTIONS[0].article_key),
            **kwargs,
        )

    def readable_address(self, article):
        """The article's full address as a reader types it (Arabic letters, not %D8%…)."""
        return uri_to_iri(self.request.build_absolute_uri(article.get_absolute_url()))


class RestartView(PrivateMixin, View):
    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        """A link or a typed address: nothing is cleared, the start page has the button."""
        return redirect("screener:start")

    def post(self, request, *args, **kwargs):
        self.state.clear()
        messages.info(request, _("Your answers have been cleared."))
        return redirect("screener:start")


class ConsultationView(PrivateMixin, FormView):
    template_name = "screener/consultation.html"
    form_class = ConsultationForm

    def get_initial(self):
        return {"preferred_language": get_language(), "token": new_form_token()}

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"outcome_available": self.state.outcome is not None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention_days=settings.CONSULTATION_RETENTION_DAYS, **kwargs
        )

    def use_up_one_request(self):
        """Count this request against the client's limit, in one step (so requests sent in
        parallel cannot all slip under it); whether the limit is now exceeded."""
        usage = get_usage(
            self.request,
            group="screener.consultation",
            key="ip",
            rate=settings.CONSULTATION_RATE_LIMIT,
            method="POST",
            increment=True,
        )
        return usage is not None and usage["should_limit"]

    def refreshed(self, form):
        """The same form, every field kept, with a fresh token to send it again."""
        data = form.data.copy()
        data["token"] = new_form_token()
        form.data = data
        return form

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=self.refreshed(form)), status=400)

    def form_valid(self, form):
        # Only a request about to be saved counts against the limit: a typo, a refusal or
        # the same form sent twice costs nothing.
        token = form.cleaned_data["token"]
        if ConsultationRequest.objects.filter(submission_token=token).exists():
            return self.sent()  # sent twice
        if self.use_up_one_request():
            return self.render_to_response(
                self.get_context_data(form=self.refreshed(form), rate_limited=True), status=429
            )
        request_ = form.save(commit=False)
        request_.consent_to_contact = True
        request_.submission_token = token
        outcome = self.state.outcome
        if outcome is not None and form.cleaned_data.get("attach_outcome"):
            request_.screener_outcome = outcome.kind
            request_.screener_reasons = {
                "yes": list(outcome.yes),
                "not_sure": list(outcome.not_sure),
            }
        try:
            with transaction.atomic():
                request_.save()
        except IntegrityError:
            return self.sent()  # the same form, sent twice at once
        self.state.clear()
        return self.sent()

    def sent(self):
        self.request.session[SENT_KEY] = SENT
        return redirect("screener:consultation_sent")


class ConsultationSentView(PrivateMixin, TemplateView):
    """Says "Your request has been sent" only right after sending, and only once: opening
    it again (a reload) leads to the form, with a message that the request already went."""

    template_name = "screener/consultation_sent.html"

    def get(self, request, *args, **kwargs):
        sent = request.session.get(SENT_KEY)
        if sent == SENT:
            request.session[SENT_KEY] = SHOWN
            return super().get(request, *args, **kwargs)
        if sent == SHOWN:
            messages.info(request, ALREADY_SENT)
        return redirect("screener:consultation")
