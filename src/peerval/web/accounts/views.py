"""Sign in and sign out (NHS.UK styled), and the page shown when sign-in is locked."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator

__all__ = ["LoginView", "LogoutView", "locked_out", "logout_confirm"]


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    form_class = AuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        errors = []
        if form.is_bound and form.errors:
            errors = [{"text": "Enter a correct username and password", "href": "#username"}]
        context.update(title="Sign in", errors=errors)
        return context


class LogoutView(auth_views.LogoutView):
    pass


def logout_confirm(request: HttpRequest) -> HttpResponse:
    """A page with a sign-out button (signing out is a POST)."""
    return render(request, "accounts/logout.jinja", {"title": "Sign out"})


@login_not_required
def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """Shown instead of signing in after too many failed attempts (django-axes)."""
    return render(
        request,
        "error.jinja",
        {
            "title": "Sign-in is locked",
            "message": "There have been too many failed attempts to sign in to this account "
            f"or from this network. Try again in {settings.LOGIN_COOLOFF_MINUTES} minutes, "
            "or ask your administrator to unlock it.",
        },
        status=429,
    )
