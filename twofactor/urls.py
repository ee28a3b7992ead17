from django.urls import path

from . import views

app_name = "twofactor"
urlpatterns = [
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("enrol/", views.EnrolView.as_view(), name="enrol"),
]
