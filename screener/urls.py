from django.urls import path

from . import consultation_views, views

app_name = "screener"
urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("question/<int:number>/", views.QuestionView.as_view(), name="question"),
    path("check/", views.CheckView.as_view(), name="check"),
    path("result/", views.OutcomeView.as_view(), name="outcome"),
    path("result/print/", views.OutcomePrintView.as_view(), name="outcome_print"),
    path("start-again/", views.RestartView.as_view(), name="restart"),
    path("consultation/", consultation_views.ConsultationView.as_view(), name="consultation"),
    path(
        "consultation/sent/",
        consultation_views.ConsultationSentView.as_view(),
        name="consultation_sent",
    ),
]
