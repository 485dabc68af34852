"""The web app's disclosure threshold has the core's one allowed range and default: the
settings form's limits and starting value, the model's default, the service's default and
the hint on the page all come from ``peerval.disclosure``."""

from __future__ import annotations

import ast
import inspect

import pytest

from peerval.disclosure import DEFAULT_THRESHOLD, HIGHEST_THRESHOLD, LOWEST_THRESHOLD
from peerval.web.surveys.models import Evaluation
from peerval.web.surveys.services import evaluations as service
from peerval.web.surveys.views.evaluations import EvaluationForm


def test_the_form_field_limits_are_the_core_range():
    field = EvaluationForm().fields["disclosure_threshold"]
    assert (field.min_value, field.max_value) == (LOWEST_THRESHOLD, HIGHEST_THRESHOLD)
    assert field.initial == DEFAULT_THRESHOLD


def _names_in(source: str, predicate) -> set[str]:
    """Names used in the parts of ``source`` that ``predicate`` picks out."""
    return {
        name.id
        for node in ast.walk(ast.parse(source))
        if predicate(node)
        for name in ast.walk(node)
        if isinstance(name, ast.Name)
    }


def test_the_model_and_service_default_to_the_core_constant_not_a_copy_of_it():
    assert Evaluation._meta.get_field("disclosure_threshold").default == DEFAULT_THRESHOLD
    default = inspect.signature(service.create_evaluation).parameters["disclosure_threshold"]
    assert default.default == DEFAULT_THRESHOLD
    # the same number written out would drift from the core when the core changes
    model = _names_in(
        inspect.getsource(Evaluation),
        lambda node: isinstance(node, ast.keyword) and node.arg == "default",
    )
    assert "DEFAULT_THRESHOLD" in model
    signature = inspect.signature(service.create_evaluation)
    defaults = _names_in(
        inspect.getsource(service.create_evaluation),
        lambda node: isinstance(node, ast.arguments),
    )
    assert "DEFAULT_THRESHOLD" in defaults and "disclosure_threshold" in signature.parameters


def test_the_page_states_the_core_range_and_default(client, outsider):
    client.force_login(outsider)
    html = client.get("/evaluations/new/").text
    assert f"From {LOWEST_THRESHOLD} to {HIGHEST_THRESHOLD}." in html
    assert f"The threshold is {DEFAULT_THRESHOLD} unless you change it." in html


def test_the_service_refuses_a_threshold_the_core_refuses(lead):
    with pytest.raises(service.ChangeRefused) as refused:
        service.create_evaluation(lead, name="Too small", disclosure_threshold=LOWEST_THRESHOLD - 1)
    assert refused.value.field == "disclosure_threshold"
    assert not Evaluation.objects.filter(name="Too small").exists()
