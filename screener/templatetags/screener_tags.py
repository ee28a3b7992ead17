"""`{% question_count as total %}`: the number of the screener's questions, from
screener/questions.py, for templates that say how many there are."""

from django import template

from screener.questions import TOTAL

register = template.Library()


@register.simple_tag
def question_count():
    return TOTAL
