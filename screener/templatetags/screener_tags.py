"""`{% question_count as total %}`: the number of the screener's questions, from
screener/questions.py, for templates that say how many there are.
`{% new_consultation_requests %}`: the admin home's box of new requests, for reception."""

from django import template

from screener.models import ConsultationRequest
from screener.questions import TOTAL

register = template.Library()


@register.simple_tag
def question_count():
    return TOTAL


@register.inclusion_tag("screener/admin/new_requests.html", takes_context=True)
def new_consultation_requests(context):
    """How many consultation requests are new, for those who may see them."""
    user = context["request"].user
    if not user.has_perm("screener.view_consultationrequest"):
        return {"new_requests": None}
    new = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.NEW).count()
    return {"new_requests": new}
