"""What every screener view shares: the visitor's state, with a message when it could not
be used, and the ways back to the right question or to the result."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .state import DAMAGED, EXPIRED, LOST, OK, screener_state

STATE_MESSAGES = {
    DAMAGED: _("Your answers could not be read, so they were cleared. Please start again."),
    EXPIRED: _("Your answers were cleared because some time has passed. Please start again."),
    # A changed cookie, or one made with a key the site no longer has.
    LOST: _(
        "Your answers could not be found, perhaps because time passed or the browser cleared "
        "them. Please start again."
    ),
}
SEE_THE_RESULT = _("Here is your result. To answer the questions again, choose “Start again”.")


def question_url(number, back_to=None):
    address = reverse("screener:question", args=[number])
    return f"{address}?return={back_to}" if back_to else address


class ScreenerStateMixin:
    """Gives the view the visitor's screener state, with a message when it was unusable."""

    def dispatch(self, request, *args, **kwargs):
        self.state = screener_state(request)
        if self.state.status in STATE_MESSAGES:
            messages.warning(request, STATE_MESSAGES[self.state.status])
        return super().dispatch(request, *args, **kwargs)

    def go_to_first_unanswered(self, message):
        number = self.state.first_unanswered() or 1
        if self.state.status == OK:  # otherwise the visitor already has a message
            messages.info(self.request, message)
        return redirect(question_url(number))

    def back_to_outcome(self):
        messages.info(self.request, SEE_THE_RESULT)
        return redirect("screener:outcome")
