from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_confirm, name="logout"),
    path("logout/confirm/", views.LogoutView.as_view(), name="logout_post"),
]
