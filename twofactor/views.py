"""The step after the password: enrol an authenticator app once, then type its code."""

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

from .forms import CodeForm
from .models import AuthenticatorApp


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
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
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
            self.device = AuthenticatorApp.for_enrolment(request.user)
        return super().dispatch(request, *args, **kwargs)
