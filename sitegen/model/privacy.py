"""Masking, done once here: templates only ever see the forms that may be published."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Final

from sitegen.model.records import Disclosure
from sitegen.validate.fields import Phone
from sitegen.validate.phones import WEB_HIDES, mask_digits
from sitegen.validate.privacy import mask_name

__all__ = ["POSTER_HIDES", "WEB_HIDES", "PhoneShown", "for_publishing", "mask_name", "mask_phone", "phone_shown"]

POSTER_HIDES: Final = frozenset({"masked", "none"})


def mask_phone(phone: Phone) -> str:
    """Keep the first 3 and last 4 digits (138****5678); short numbers keep only the last 2."""
    return mask_digits(phone.digits)


@dataclass(frozen=True, slots=True)
class PhoneShown:
    """What each medium may print: web and poster text, and a tel: target only when shown in full."""

    web: str | None
    poster: str | None
    web_tel: str | None
    poster_tel: str | None


def phone_shown(phone: Phone | None, show: str) -> PhoneShown:
    """SPEC §3 show_phone: poster (full on posters, masked on the web), full, masked, none."""
    if phone is None or show == "none":
        return PhoneShown(None, None, None, None)
    masked, full = mask_phone(phone), phone.shown
    web_full = show == "full"
    poster_full = show in ("full", "poster")
    return PhoneShown(
        web=full if web_full else masked,
        poster=full if poster_full else masked,
        web_tel=phone.digits if web_full else None,
        poster_tel=phone.digits if poster_full else None,
    )


def for_publishing(person: Disclosure) -> Disclosure:
    """The person as a poster under the published output folder shows them: the web's phone.

    SPEC §3: show_phone `poster` is "masked on everything published under the output folder —
    poster pages included"; the full number is printed only from the print folder (README
    "Posters"). The same object comes back when both forms agree, so an unchanged poster keeps
    its fingerprint and the print folder shares its file.
    """
    if (person.phone_poster, person.phone_poster_tel) == (person.phone_web, person.phone_web_tel):
        return person
    return dataclasses.replace(person, phone_poster=person.phone_web, phone_poster_tel=person.phone_web_tel,
                               digest=person.digest + ":published")
