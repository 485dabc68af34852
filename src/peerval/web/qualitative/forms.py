"""The qualitative screens' forms, with error messages in the NHS.UK style."""

from __future__ import annotations

from django import forms

from .models.project import MODES
from .passages import Passage, span_of

__all__ = [
    "ApplyCodeForm",
    "ThemeForm",
    "CodeForm",
    "MemoForm",
    "ProjectForm",
    "SampleForm",
]

MODE_HINTS = {
    "content_analysis": "For survey free text: a shared codebook, and agreement between "
    "coders can be checked",
    "reflexive_thematic_analysis": "Your own reading is the analysis; the six phases are "
    "recorded, and agreement between coders does not apply",
}


class ProjectForm(forms.Form):
    wave = forms.ChoiceField(
        error_messages={
            "required": "Select the wave whose free text you want to code",
            "invalid_choice": "Select the wave whose free text you want to code",
        }
    )
    name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter a name for the project",
            "max_length": "Name must be 200 characters or fewer",
        },
    )
    mode = forms.ChoiceField(
        choices=MODES,
        error_messages={
            "required": "Select how you will analyse the text",
            "invalid_choice": "Select how you will analyse the text",
        },
    )

    def __init__(self, *args, waves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = [(str(w.pk), w.label) for w in waves]


class ApplyCodeForm(forms.Form):
    """A code and what to code: the passages ticked, or (from the mouse selection script)
    the start and end of the text selected."""

    code = forms.ChoiceField(
        error_messages={
            "required": "Select a code to apply",
            "invalid_choice": "Select a code to apply",
        }
    )
    passage = forms.TypedMultipleChoiceField(coerce=int, required=False)
    start = forms.IntegerField(required=False, min_value=0)
    end = forms.IntegerField(required=False, min_value=0)

    def __init__(self, *args, codes=(), passages: list[Passage] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.passages = list(passages)
        self.fields["code"].choices = [("", "Choose a code"), *codes]
        self.fields["passage"].choices = [(p.number, str(p.number)) for p in self.passages]
        self.fields["passage"].error_messages["invalid_choice"] = "Select passages of this text"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None:
            if end <= start:
                raise forms.ValidationError("Select some text to code")
            cleaned["span"] = (start, end)
        elif "passage" not in self.errors:
            try:
                cleaned["span"] = span_of(cleaned.get("passage") or [], self.passages)
            except ValueError as exc:
                self.add_error("passage", str(exc))
        return cleaned


class MemoForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        required=False,
        error_messages={"max_length": "Title must be 200 characters or fewer"},
    )
    text = forms.CharField(
        max_length=10000,
        error_messages={
            "required": "Enter your memo",
            "max_length": "Memo must be 10,000 characters or fewer",
        },
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Enter your memo")
        return text


TOP = "__top__"


class CodeForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        error_messages={
            "required": "Enter a name for the code",
            "max_length": "Name must be 120 characters or fewer",
        },
    )
    description = forms.CharField(max_length=2000, required=False)
    inclusion = forms.CharField(max_length=2000, required=False)
    exclusion = forms.CharField(max_length=2000, required=False)
    parent = forms.ChoiceField(
        error_messages={
            "required": "Select where the code goes",
            "invalid_choice": "Select where the code goes",
        }
    )
    codable = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        error_messages={
            "required": "Select whether the code can be applied to text",
            "invalid_choice": "Select whether the code can be applied to text",
        },
    )

    def __init__(self, *args, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [(TOP, "At the top of the codebook"), *parents]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter a name for the code")
        return name

    def code_fields(self) -> dict:
        """The cleaned data as the codebook service takes it."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"].strip(),
            "inclusion": data["inclusion"].strip(),
            "exclusion": data["exclusion"].strip(),
            "parent_id": None if data["parent"] == TOP else data["parent"],
            "codable": data["codable"] == "yes",
        }


class SampleForm(forms.Form):
    size = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "Enter how many documents to double code",
            "invalid": "Enter how many documents to double code, as a whole number",
            "min_value": "Enter a number of documents of 1 or more",
        },
    )
    stratify_by = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select one of the attributes listed"},
    )

    def __init__(self, *args, total: int = 1, attributes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.total = total
        self.fields["stratify_by"].choices = [("", "Do not spread"), *attributes]

    def clean_size(self):
        size = self.cleaned_data["size"]
        if size > self.total:
            raise forms.ValidationError(
                f"Enter a number from 1 to {self.total}, the number of documents"
            )
        return size


class ThemeForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter a name for the theme",
            "max_length": "Name must be 200 characters or fewer",
        },
    )
    description = forms.CharField(max_length=4000, required=False)
    parent = forms.ChoiceField(
        error_messages={
            "required": "Select where the theme goes",
            "invalid_choice": "Select where the theme goes",
        }
    )
    codes = forms.MultipleChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select codes from the codebook"},
    )

    def __init__(self, *args, parents=(), codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [(TOP, "A main theme (not under another)"), *parents]
        self.fields["codes"].choices = list(codes)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter a name for the theme")
        return name
