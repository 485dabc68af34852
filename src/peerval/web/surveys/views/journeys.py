"""Where a questionnaire is being filled in: the public link, or staff typing in paper.

The survey views are shared; a journey tells them how to find the draft and how to
build links, so paper entry uses exactly the same pages, validation and storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest
from django.urls import reverse

from ..models import Collection, Response
from ..services.statements import JoinedRead

__all__ = ["Journey", "PaperJourney", "PublicJourney"]


@dataclass
class Journey:
    request: HttpRequest
    collection: Collection
    paper = False

    def url(self, step: str, page: int | None = None) -> str:
        raise NotImplementedError

    def response(self, *, lock: bool = False) -> Response | None:
        """The draft or submitted response, if any; ``lock`` reads it ``FOR UPDATE`` (the
        caller is inside a transaction)."""
        raise NotImplementedError

    def _responses(self, lock: bool):
        responses = Response.objects.filter(collection=self.collection)
        return responses.select_for_update() if lock else responses

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


#: a respondent's draft with its collection, wave and evaluation, by link and draft id
_DRAFT = JoinedRead(
    Response, ["collection", "wave", "evaluation"], [(1, "token"), (0, "public_id")]
)
#: the same with its collection alone, for answers being posted (a redirect needs no title)
_DRAFT_TO_ANSWER = JoinedRead(Response, ["collection"], [(1, "token"), (0, "public_id")])
#: a collection with its wave and evaluation, by link
_COLLECTION = JoinedRead(Collection, ["wave", "evaluation"], [(0, "token")])


@dataclass
class PublicJourney(Journey):
    """A respondent on the public link; the draft is remembered in the session.

    Built by :meth:`find`, which reads the draft and its collection in one query when the
    session names a draft, and the collection alone otherwise.
    """

    draft: Response | None = field(default=None, repr=False)
    draft_locked: bool = False

    @staticmethod
    def _key(token: str) -> str:
        return f"peerval.response.{token}"

    @classmethod
    def find(cls, request: HttpRequest, token: str, *, lock: bool = False) -> PublicJourney:
        """The journey on this link; ``lock`` reads the draft ``FOR UPDATE`` (the caller
        is inside a transaction). Unknown or unpublished links are 404.

        A locked read, for answers being posted, leaves the wave and evaluation to be read
        when a page is drawn after all (a form with errors): most such requests redirect.
        """
        public_id = request.session.get(cls._key(token))
        if public_id:
            read = _DRAFT_TO_ANSWER if lock else _DRAFT
            draft = read.get([token, public_id], lock=lock)  # the pair is unique
            if draft is not None:
                return cls(request, draft.collection, draft=draft, draft_locked=lock)
        collection = _COLLECTION.get([token])  # tokens are unique
        if collection is None or collection.status == Collection.DRAFT:
            raise Http404("no such survey")
        return cls(request, collection)

    def url(self, step: str, page: int | None = None) -> str:
        args = [self.collection.token] + ([page] if page is not None else [])
        return reverse(f"survey:{step}", args=args)

    def response(self, *, lock: bool = False) -> Response | None:
        if self.draft is not None and (self.draft_locked or not lock):
            return self.draft
        public_id = self.request.session.get(self._key(self.collection.token))
        if not public_id:
            return None
        return self._responses(lock).filter(public_id=public_id).first()

    def attach(self, response: Response) -> None:
        self.draft = None
        self.request.session[self._key(self.collection.token)] = str(response.public_id)

    def finished(self, response: Response) -> None:
        self.draft = None
        self.request.session.pop(self._key(self.collection.token), None)
        self.request.session[f"peerval.done.{self.collection.token}"] = str(response.public_id)

    def just_finished(self) -> bool:
        return bool(self.request.session.get(f"peerval.done.{self.collection.token}"))


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

    def response(self, *, lock: bool = False) -> Response | None:
        if not self.public_id:
            return None
        return (
            self._responses(lock).filter(public_id=self.public_id, channel=Response.PAPER).first()
        )

    def attach(self, response: Response) -> None:
        self.public_id = str(response.public_id)

    @property
    def title(self) -> str:
        return f"Paper entry: {super().title}"
