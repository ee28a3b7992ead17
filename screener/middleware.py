"""Forget the screener when the visitor leaves it.

The outcome's summary stays in the session while the visitor is on screener pages
(the outcome and the consultation request). Opening any other page of the site
drops it, so no health information lingers in the session.
"""

from .state import SESSION_KEY


class ForgetScreenerOnLeaveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match is not None
            and match.namespace != "screener"
            and SESSION_KEY in request.session
        ):
            del request.session[SESSION_KEY]
