"""Django form fields generated from instrument items, rendered as NHS.UK components.

One field class per item *type*, never per question: :func:`build_form` turns a page of
items into a Django form, and :func:`render_field` draws each bound field with the matching
``nhsuk-frontend-jinja`` macro (radios, checkboxes, textarea, input, date input), so a
template never builds an input by hand.
"""

from .fields import field_for
from .forms import ItemForm, build_form

__all__ = ["ItemForm", "build_form", "field_for"]
