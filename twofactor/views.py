"""The step after the password: enrol an authenticator app once, then type its code."""

import time

from django.contrib import admin
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from django_otp import login as otp_login

from . import notices
from .forms import CodeForm, PasswordAgainForm
from .models import AuthenticatorApp

# How long a password typed again opens the enrolment page.
PASSWORD_AGAIN_KEY = "twofactor.password_again_at"  # noqa: S105 (a session key)
PASSWORD_AGAIN_SECONDS = 10 * 60


@method_decorator(never_cache, name="dispatch")
class SecondFactorView(LoginRequiredMixin, FormView):
    login_url = reverse_lazy("admin:login")
    form_class = CodeForm

    def next_url(self):
        """Where the visitor was going, if it is a page of this site; else the admin."""
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        return url if safe else reverse("admin:index")

    def with_next(self, name):
        query = self.request.GET.urlencode()
        return f"{reverse(name)}?{query}" if query else reverse(name)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        # The admin's frame without its menus: nothing of the admin shows before the code.
        context = {
            **admin.site.each_context(self.request),
            "has_permission": False,
            "available_apps": [],
            "is_nav_sidebar_enabled": False,
        }
        return {
            **context,
            **super().get_context_data(**kwargs),
            "title": self.title,
            "next": self.next_url(),
            "device": self.device,
        }

    def form_valid(self, form):
        otp_login(self.request, self.device)
        return redirect(self.next_url())


class VerifyView(SecondFactorView):
    template_name = "twofactor/verify.html"
    title = _("Enter your sign-in code")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.device = AuthenticatorApp.objects.filter(user=request.user, confirmed=True).first()
            if self.device is None:
                return redirect(self.with_next("twofactor:enrol"))
        return super().dispatch(request, *args, **kwargs)


class EnrolView(SecondFactorView):
    template_name = "twofactor/enrol.html"
    title = _("Set up two-step sign-in")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if AuthenticatorApp.objects.filter(user=request.user, confirmed=True).exists():
                return redirect(self.with_next("twofactor:verify"))
            if not password_typed_again(request):
                return PasswordAgainView.as_view()(request, *args, **kwargs)
            self.device = AuthenticatorApp.for_enrolment(request.user, request.session)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.device.confirm(self.request.session)
        self.request.session.pop(PASSWORD_AGAIN_KEY, None)
        notices.app_added(self.device.user)
        return super().form_valid(form)


def password_typed_again(request):
    typed_at = request.session.get(PASSWORD_AGAIN_KEY)
    return isinstance(typed_at, int) and 0 <= time.time() - typed_at < PASSWORD_AGAIN_SECONDS


class PasswordAgainView(SecondFactorView):
    """The enrolment page's first step: the password again (EnrolView shows it)."""

    template_name = "twofactor/password_again.html"
    title = _("Type your password again")
    form_class = PasswordAgainForm
    device = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("device")
        return {**kwargs, "request": self.request}

    def form_valid(self, form):
        self.request.session[PASSWORD_AGAIN_KEY] = int(time.time())
        return redirect(self.request.get_full_path())
