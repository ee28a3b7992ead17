"""The screener's pages: a start page, eight questions, a check page and the outcome (and
its print view); the consultation request's views are in consultation_views.

They only route: the visitor's state lives in ScreenerState. Every POST answers with a
redirect, a refused form included, so Back never offers to send a form again."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import uri_to_iri
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from . import articles
from .forms import AnswerForm, restore_errors
from .mixins import ScreenerStateMixin, question_url
from .padding import filler
from .questions import (
    ANSWER_CHOICES,
    ANSWER_CODES,
    QUESTIONS,
    TOTAL,
    decide,
    is_complete,
    question,
)
from .state import OK

NO_RESULT = _("There is no result to show. Your answers are not kept, so please start again.")
ANSWER_LABELS = dict(ANSWER_CHOICES)


def answer_rows(answers, back_to):
    """The eight questions with the visitor's answers and a Change link each."""
    return [
        {
            "number": number,
            "question": q,
            "answer": ANSWER_LABELS.get(answers.get(q.key), ""),
            "change_url": question_url(number, back_to),
        }
        for number, q in enumerate(QUESTIONS, start=1)
    ]


def answer_options(form):
    """The answer's radios as the question page writes them: value, label, id (the ids the
    widget gives, id_answer_0...) and whether checked. Cheaper than iterating the bound
    field, which builds each radio's widget context."""
    field = form["answer"]
    selected = field.value()
    return [
        {
            "value": value,
            "label": label,
            "id": f"{field.auto_id}_{index}",
            "checked": selected is not None and str(value) == str(selected),
        }
        for index, (value, label) in enumerate(field.field.choices)
    ]


class StartView(ScreenerStateMixin, TemplateView):
    template_name = "screener/start.html"

    def get_context_data(self, **kwargs):
        # Back to a result still kept in the visitor's cookie (walk 5, item 15); only
        # whether one exists, never what it says, and in a fixed-size part of the page.
        has_result = self.state.outcome is not None
        return super().get_context_data(total=TOTAL, has_result=has_result, **kwargs)

    def post(self, request, *args, **kwargs):
        """Start (or start again): forget any earlier answers and result."""
        self.state.begin()
        return redirect(question_url(1))


class QuestionView(ScreenerStateMixin, TemplateView):
    template_name = "screener/question.html"
    # Where a Change link came from, and so where the answer leads back to.
    RETURNS = ("check", "result")

    def dispatch(self, request, *args, **kwargs):
        self.number = kwargs["number"]
        source = request.POST if request.method == "POST" else request.GET
        self.back_to = source.get("return") if source.get("return") in self.RETURNS else None
        return super().dispatch(request, *args, **kwargs)

    def guard(self):
        """Send a visitor who skipped ahead (or came with a bad number) to the right page."""
        if self.state.outcome is not None and not (
            self.back_to == "result" and 1 <= self.number <= TOTAL
        ):
            return self.back_to_outcome()  # e.g. Back from the outcome page
        first_unanswered = self.state.first_unanswered()
        if not 1 <= self.number <= TOTAL:
            return self.go_to_first_unanswered(
                _("There is no such question. Here is the next one to answer.")
            )
        if first_unanswered is not None and self.number > first_unanswered:
            return self.go_to_first_unanswered(_("Please answer this question first."))
        return None

    def get(self, request, *args, **kwargs):
        if redirected := self.guard():
            return redirected
        draft = self.state.take_draft(f"question-{self.number}")
        if draft is not None:  # a refused answer, shown once after its redirect
            form = restore_errors(AnswerForm(draft["data"]), draft)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        # Rendered for each visit and stored nowhere: the page shows the visitor's answer.
        selected = self.state.answers.get(question(self.number).key)
        form = AnswerForm(initial={"answer": selected})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if redirected := self.guard():
            return redirected
        form = AnswerForm(request.POST)
        if not form.is_valid():
            self.state.keep_draft(
                f"question-{self.number}",
                {"answer": request.POST.get("answer", "")[:20]},
                errors=form.errors,
            )
            return redirect(question_url(self.number, self.back_to))
        self.state.answer(question(self.number).key, form.cleaned_data["answer"])
        if self.back_to == "result" and self.state.outcome is not None:
            return redirect("screener:outcome")
        if self.back_to or self.number == TOTAL:
            next_number = self.state.first_unanswered()
            if next_number is None:
                return redirect("screener:check")
            return redirect(question_url(next_number))
        return redirect(question_url(self.number + 1))

    def get_context_data(self, **kwargs):
        if "form" in kwargs:
            kwargs["options"] = answer_options(kwargs["form"])
            kwargs["selected"] = kwargs["form"]["answer"].value()
        # Any answer's code will do: they are all one letter long.
        sent = [("return", self.back_to)] if self.back_to else []
        return super().get_context_data(
            question=question(self.number),
            number=self.number,
            total=TOTAL,
            back_to=self.back_to,
            filler=filler([*sent, ("answer", ANSWER_CODES[ANSWER_CHOICES[0][0]])]),
            back_url=self.back_url(),
            **kwargs,
        )

    def back_url(self):
        if self.back_to == "check":
            return reverse("screener:check")
        if self.back_to == "result":
            return reverse("screener:outcome")
        if self.number == 1:
            return reverse("screener:start")
        return question_url(self.number - 1)


class CheckView(ScreenerStateMixin, TemplateView):
    template_name = "screener/check.html"

    def get(self, request, *args, **kwargs):
        if self.state.outcome is not None:
            return self.back_to_outcome()
        if not is_complete(self.state.answers):
            return self.go_to_first_unanswered(_("Please answer every question first."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # GOV.UK's check-answers pattern: Back leads to the last question (J2-3).
        return super().get_context_data(
            rows=answer_rows(self.state.answers, "check"), back_url=question_url(TOTAL), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if not is_complete(self.state.answers):
            return self.go_to_first_unanswered(_("Please answer every question first."))
        self.state.finish()
        return redirect("screener:outcome")


class OutcomeView(ScreenerStateMixin, TemplateView):
    template_name = "screener/outcome.html"

    def get(self, request, *args, **kwargs):
        if self.state.outcome is None:
            if self.state.answers:
                return self.go_to_first_unanswered(_("Please answer every question first."))
            if self.state.status == OK:
                messages.info(request, NO_RESULT)
            return redirect("screener:start")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        linked = articles.linked_articles()
        explaining = linked.get(articles.EXPLAINING)
        return super().get_context_data(
            **answers_context(self.state.answers, explaining),
            further_reading=[
                {"article": article, "print_url": self.readable_address(article)}
                for article in articles.further_reading(linked)
            ],
            explaining_article=explaining,
            explaining_url=self.readable_address(explaining) if explaining else "",
            site_url=uri_to_iri(request_home(self.request)),
            today=timezone.localdate(),
            **kwargs,
        )

    def readable_address(self, article):
        """The article's full address as a reader types it (Arabic letters, not %D8%…)."""
        return uri_to_iri(self.request.build_absolute_uri(article.get_absolute_url()))


def answers_context(answers, explaining):
    """What the result pages show that depends on the answers: the outcome, the conditions
    answered Yes and Not sure (each linked to its heading in the explaining article) and
    the answers with their Change links."""
    outcome = decide(answers)
    number_of = {q.key: number for number, q in enumerate(QUESTIONS, start=1)}
    # The explaining article's address, reversed once for every reason that links to it.
    explaining_path = explaining.get_absolute_url() if explaining else ""

    def reasons(keys):
        return [
            {
                "question": question(number_of[key]),
                "href": f"{explaining_path}#{articles.condition_anchor(number_of[key])}",
            }
            for key in keys
        ]

    return {
        "outcome": outcome,
        "yes": reasons(outcome.yes),
        "not_sure": reasons(outcome.not_sure),
        "rows": answer_rows(answers, "result"),
    }


def request_home(request):
    return request.build_absolute_uri(reverse("content:home"))


class OutcomePrintView(OutcomeView):
    """The result laid out for paper, for the visitor to take to a doctor."""

    template_name = "screener/outcome_print.html"


class RestartView(ScreenerStateMixin, View):
    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        """A link or a typed address: nothing is cleared, the start page has the button."""
        return redirect("screener:start")

    def post(self, request, *args, **kwargs):
        self.state.clear()
        messages.info(request, _("Your answers have been cleared."))
        return redirect("screener:start")
