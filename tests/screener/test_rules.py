"""The declarative rule, run over every one of the 3^8 possible sets of answers."""

import itertools

import pytest

from screener.questions import (
    ANSWERS,
    AVOID,
    CHECK_FIRST,
    NO,
    NO_KNOWN_REASON,
    NOT_SURE,
    QUESTION_KEYS,
    QUESTIONS,
    YES,
    decide,
)


def test_there_are_eight_questions_in_the_briefs_order():
    assert QUESTION_KEYS == (
        "pregnancy",
        "insulin_diabetes",
        "cancer",
        "clots_blood_disorder",
        "blood_thinners",
        "heart_medicines",
        "heart_disease",
        "stroke",
    )
    assert all(q.text and q.hint and q.reason for q in QUESTIONS)


def test_every_combination_of_answers_gives_the_right_outcome():
    combinations = list(itertools.product(ANSWERS, repeat=len(QUESTION_KEYS)))
    assert len(combinations) == 3**8
    seen = set()
    for combination in combinations:
        answers = dict(zip(QUESTION_KEYS, combination, strict=True))
        outcome = decide(answers)
        yes = [k for k, v in answers.items() if v == YES]
        unsure = [k for k, v in answers.items() if v == NOT_SURE]
        if yes:
            expected = AVOID
        elif unsure:
            expected = CHECK_FIRST
        else:
            expected = NO_KNOWN_REASON
        assert outcome.kind == expected, answers
        assert list(outcome.yes) == yes
        assert list(outcome.not_sure) == unsure
        seen.add(outcome.kind)
    assert seen == {AVOID, CHECK_FIRST, NO_KNOWN_REASON}


def test_a_single_yes_outweighs_every_other_answer():
    answers = dict.fromkeys(QUESTION_KEYS, NOT_SURE) | {"stroke": YES}
    assert decide(answers).kind == AVOID
    assert decide(dict.fromkeys(QUESTION_KEYS, NO)).kind == NO_KNOWN_REASON


@pytest.mark.parametrize(
    "answers",
    [
        {},
        dict.fromkeys(QUESTION_KEYS[:7], NO),
        dict.fromkeys(QUESTION_KEYS, NO) | {"cancer": "maybe"},
    ],
)
def test_no_outcome_without_a_valid_answer_to_every_question(answers):
    with pytest.raises(ValueError):
        decide(answers)
