"""Where a questionnaire is being filled in: the public link, or staff typing in paper.

The survey views are shared; a journey tells them how to find the draft and how to
build links, so paper entry uses exactly the same pages, validation and storage.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from ..models import Collection, Response

__all__ = ["Journey", "PaperJourney", "PublicJourney"]


@dataclass
class Journey:
    request: HttpRequest
    collection: Collection
    paper = False

    def url(self, step: str, page: int | None = None) -> str:
        raise NotImplementedError

    def response(self) -> Response | None:
        raise NotImplementedError

    def attach(self, response: Response) -> None:
        """Remember the draft for the next request."""

    def finished(self, response: Response) -> None:
        """Forget the draft once it is submitted."""

    def just_finished(self) -> bool:
        """Whether this browser has just sent its answers (its draft is forgotten by then)."""
        return False

    @property
    def title(self) -> str:
        group = self.collection.get_respondent_group_display().lower()
        return f"{self.collection.wave.evaluation.name}: survey for {group}"


class PublicJourney(Journey):
    """A respondent on the public link; the draft is remembered in the session."""

    @property
    def _key(self) -> str:
        return f"peerval.response.{self.collection.pk}"

    def url(self, step: str, page: int | None = None) -> str:
        args = [self.collection.token] + ([page] if page is not None else [])
        return reverse(f"survey:{step}", args=args)

    def response(self) -> Response | None:
        public_id = self.request.session.get(self._key)
        if not public_id:
            return None
        return Response.objects.filter(collection=self.collection, public_id=public_id).first()

    def attach(self, response: Response) -> None:
        self.request.session[self._key] = str(response.public_id)

    def finished(self, response: Response) -> None:
        self.request.session.pop(self._key, None)
        self.request.session[f"peerval.done.{self.collection.pk}"] = str(response.public_id)

    def just_finished(self) -> bool:
        return bool(self.request.session.get(f"peerval.done.{self.collection.pk}"))


@dataclass
class PaperJourney(Journey):
    """A staff member typing in a paper questionnaire; the draft is named in the URL."""

    public_id: str | None = None
    paper = True

    def url(self, step: str, page: int | None = None) -> str:
        if step == "start":
            return reverse("surveys:paper_start", args=[self.collection.pk])
        args = [self.collection.pk, self.public_id] + ([page] if page is not None else [])
        return reverse(f"surveys:paper_{step}", args=args)

    def response(self) -> Response | None:
        if not self.public_id:
            return None
        return Response.objects.filter(
            collection=self.collection, public_id=self.public_id, channel=Response.PAPER
        ).first()

    def attach(self, response: Response) -> None:
        self.public_id = str(response.public_id)

    @property
    def title(self) -> str:
        return f"Paper entry: {super().title}"
