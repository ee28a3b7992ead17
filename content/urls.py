from django.urls import path, register_converter

from . import views


class UnicodeSlugConverter:
    """A slug that may be written in Arabic letters as well as Latin ones."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "content"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    # Fixed addresses come before the category and article patterns they would match.
    path("about/", views.PageView.as_view(), {"corpus_key": "about"}, name="about"),
    path(
        "editorial-policy/",
        views.PageView.as_view(),
        {"corpus_key": "editorial-policy"},
        name="editorial_policy",
    ),
    path("style-guide/", views.StyleGuideView.as_view(), name="style_guide"),  # staff only
    path("page/<uslug:slug>/", views.PageView.as_view(), name="page"),
    path("<uslug:category>/", views.CategoryView.as_view(), name="category"),
    path("<uslug:category>/<uslug:slug>/", views.ArticleView.as_view(), name="article"),
    path(
        "<uslug:category>/<uslug:slug>/feedback/",
        views.FeedbackView.as_view(),
        name="feedback",
    ),
]
