"""Public pages: thin class-based views over the published queryset."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from django_ratelimit.core import is_ratelimited

from mesoinfo import languages
from mesoinfo.csrf import same_origin_post

from .cache import CachedPageMixin
from .forms import FeedbackForm
from .models import ABOUT_PAGE, Article, Category, Page
from .structured_data import article_json_ld


class HomeView(CachedPageMixin, TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = Category.objects.with_published_articles().order_by("order", "pk")
        context["featured"] = (
            Article.objects.published().filter(featured=True).select_related("category")[:9]
        )
        return context


class CategoryView(CachedPageMixin, ListView):
    template_name = "content/category.html"
    context_object_name = "articles"

    # A page of cards, with the page number in the address (?page=2): the page costs the
    # same whatever the section holds. Page 1 is the address without it, which is cached.
    paginate_by = 24

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["category"])
        # What a card shows (title, summary, link) and no more: not the bodies.
        shown = ["category"]
        for code in languages.codes():
            shown += [f"title_{code}", f"slug_{code}", f"summary_{code}", f"category__slug_{code}"]
        return (
            self.category.articles.published()
            .select_related("category")
            .only(*shown)
            .order_by("order", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["translated_object"] = self.category
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class ArticleView(CachedPageMixin, DetailView):
    template_name = "content/article.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("category", "reviewer", "author", "live_revision")
            .defer("live_revision__content")
            .prefetch_related("sources")
        )

    def get_object(self, queryset=None):
        queryset = self.get_queryset().filter(
            category__slug=self.kwargs["category"], slug=self.kwargs["slug"]
        )
        return get_object_or_404(queryset[:1])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.setdefault("feedback_form", FeedbackForm())
        # "Thank you" is said in the feedback box, where the patient is (#feedback), not
        # at the top of a long page; base.html's message list leaves these out.
        # Looked at only when there are messages: reading the store marks it used, and a
        # used store answers with a Set-Cookie, which a page cached for everyone must not.
        stored = messages.get_messages(self.request)
        notes = [m for m in stored if "feedback" in m.tags] if len(stored) else []
        context["feedback_notes"] = notes
        context["feedback_sent"] = any(m.level == messages.SUCCESS for m in notes)
        context["json_ld"] = article_json_ld(article, self.request)
        context["translated_object"] = article
        context["related"] = (
            Article.objects.published()
            .filter(category_id=article.category_id)
            .exclude(pk=article.pk)
            .select_related("category")[:4]
        )
        return context


@method_decorator(same_origin_post, name="dispatch")
class FeedbackView(ArticleView):
    """ "Was this page helpful?": store the answer, thank the visitor, go back to the page.

    Checked by origin instead of a CSRF token, so the article page holds no token.
    """

    def get(self, request, *args, **kwargs):
        """The address opened on its own: the article's form is where to answer."""
        return redirect(self.get_object().get_absolute_url() + "#feedback")

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()
        if is_ratelimited(
            request,
            group="content.feedback",
            key="ip",
            rate=settings.FEEDBACK_RATE_LIMIT,
            method="POST",
            increment=True,
        ):
            messages.warning(
                request,
                _("Thank you, but we have had many answers from you. Please try later."),
                extra_tags="feedback",
            )
            return self.feedback_page(FeedbackForm(request.POST), status=429)
        form = FeedbackForm(request.POST)
        if not form.is_valid():
            return self.feedback_page(form, status=400)
        feedback = form.save(commit=False)
        feedback.article = article
        feedback.language = get_language()
        feedback.save()
        messages.success(
            request,
            _("Thank you for your answer. It helps us improve this page."),
            extra_tags="feedback",
        )
        return redirect(article.get_absolute_url() + "#feedback")

    def feedback_page(self, form, status):
        context = self.get_context_data(object=self.object, feedback_form=form)
        return self.render_to_response(context, status=status)


class PageView(DetailView):
    """A standing page (About this site, ...) in the active language."""

    template_name = "content/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        if "slug" not in self.kwargs:
            return get_object_or_404(Page, corpus_key=self.kwargs.get("corpus_key", ABOUT_PAGE))
        return get_object_or_404(Page.objects.filter(slug=self.kwargs["slug"])[:1])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # request.path is decoded; the reversed address has an Arabic slug percent-encoded.
        if request.path != uri_to_iri(self.object.get_absolute_url()):
            return redirect(self.object.get_absolute_url(), permanent=True)
        context = self.get_context_data(object=self.object, translated_object=self.object)
        return self.render_to_response(context)


@method_decorator([never_cache, staff_member_required], name="dispatch")
class StyleGuideView(TemplateView):
    """Staff only: every design-system component, in the active language, with the
    Markdown editors type for the ones an article body can hold."""

    def get_template_names(self):
        # A language added without its own guide yet shows the default language's.
        return [
            f"design/style_guide_{get_language()}.html",
            f"design/style_guide_{settings.LANGUAGE_CODE}.html",
        ]
